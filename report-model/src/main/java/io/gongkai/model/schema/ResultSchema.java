package io.gongkai.model.schema;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.AgencyCandidate;
import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of a document's result as {@code GET /api/documents/{id}} answers it, built from
 * the template's own enums so that the schema cannot drift from the model: every table, row and field name the
 * extractor may write is listed, and no other is allowed inside the tables. Outside the tables the schema names
 * what users rely on and lets later additions through.
 *
 * <p>The result is a tree of maps and lists, written as JSON by whoever holds a JSON library (the committed copy
 * is {@code docs/schema/document.schema.json}; {@code ResultSchemaTest} keeps it current).
 */
public final class ResultSchema {

    public static final String ID = "https://gongkai.io/schema/document.schema.json";

    private ResultSchema() {
    }

    public static Map<String, Object> document() {
        Map<String, Object> schema = object();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", ID);
        schema.put("title", "A document and its checked report (GET /api/documents/{documentId})");
        schema.put("type", "object");
        schema.put("required", List.of("documentId", "status"));
        Map<String, Object> properties = object();
        properties.put("documentId", Map.of("type", "string", "pattern", "^[0-9a-f]{32}$"));
        properties.put("status", Map.of("enum", List.of("RECEIVED", "EXTRACTED", "VALIDATED", "FAILED")));
        properties.put("fileName", nullable("string"));
        properties.put("sourceUrl", nullable("string"));
        properties.put("sha256", Map.of("type", "string", "pattern", "^[0-9a-f]{64}$"));
        properties.put("size", Map.of("type", "integer", "minimum", 0));
        properties.put("receivedAt", nullable("string"));
        properties.put("fetchedAt", nullable("string"));
        properties.put("detectedType", nullable("string"));
        properties.put("report", Map.of("oneOf", List.of(Map.of("type", "null"), ref("report"))));
        properties.put("findings", Map.of("type", List.of("array", "null"), "items", ref("finding")));
        properties.put("ruleSetVersion", nullable("string"));
        properties.put("validationVersion", nullable("integer"));
        properties.put("error", nullable("string"));
        schema.put("properties", properties);

        Map<String, Object> defs = object();
        defs.put("report", report());
        defs.put("finding", finding());
        defs.put("count", Map.of("type", List.of("number", "null"),
                "description", "a value as printed; null when blank or unreadable, never a guessed 0"));
        defs.put("provenance", provenance());
        defs.put("section", section());
        schema.put("$defs", defs);
        return schema;
    }

    private static Map<String, Object> report() {
        Map<String, Object> report = object();
        report.put("type", "object");
        report.put("required", List.of("agency", "year", "administrativeLevel", "templateVersion",
                "activeDisclosure", "applications", "reviewsAndLawsuits"));
        Map<String, Object> properties = object();
        properties.put("agency", nullable("string"));
        properties.put("year", Map.of("type", List.of("integer", "null"), "minimum", 2000, "maximum", 2100));
        properties.put("administrativeLevel", Map.of("enum", List.of(AdministrativeLevel.NATIONAL,
                AdministrativeLevel.PROVINCE, AdministrativeLevel.CITY, AdministrativeLevel.COUNTY,
                AdministrativeLevel.TOWNSHIP, AdministrativeLevel.UNKNOWN)));
        properties.put("publishedOn", Map.of("type", List.of("string", "null"), "format", "date"));
        properties.put("templateVersion", Map.of("enum", List.of(TemplateVersion.V2021, TemplateVersion.V2019,
                TemplateVersion.MIXED, TemplateVersion.PRE2019)));
        properties.put("activeDisclosure", activeDisclosure());
        properties.put("applications", applications());
        properties.put("reviewsAndLawsuits", reviewsAndLawsuits());
        properties.put("provenance", Map.of("type", "object",
                "description", "for every cell path (table.row.field) where its value was read",
                "propertyNames", Map.of("pattern", "^(activeDisclosure|applications|reviewsAndLawsuits)\\.[A-Za-z]+\\.[A-Za-z]+$"),
                "additionalProperties", ref("provenance")));
        properties.put("units", Map.of("type", "object", "additionalProperties", Map.of("type", "string")));
        properties.put("sections", Map.of("type", "array", "items", ref("section")));
        properties.put("extractionFindings", Map.of("type", "array", "items", ref("finding")));
        properties.put("region", region());
        properties.put("agencyResolution", agencyResolution());
        report.put("properties", properties);
        return report;
    }

    private static Map<String, Object> region() {
        Map<String, Object> region = object();
        region.put("type", List.of("object", "null"));
        region.put("description", "the agency's place in the national division codes (docs/agencies.md); null when unknown");
        Map<String, Object> properties = object();
        properties.put("code", Map.of("type", "string", "pattern", "^\\d{6}(\\d{3})?$"));
        for (String name : List.of("province", "city", "county", "township")) {
            properties.put(name, nullable("string"));
        }
        region.put("properties", properties);
        return region;
    }

    private static Map<String, Object> agencyResolution() {
        Map<String, Object> candidate = object();
        candidate.put("type", "object");
        Map<String, Object> candidateProperties = object();
        candidateProperties.put("name", Map.of("type", "string"));
        candidateProperties.put("source", Map.of("enum", List.of(AgencyCandidate.TITLE, AgencyCandidate.ABOVE_TITLE,
                AgencyCandidate.SIGNATURE, AgencyCandidate.FIRST_SENTENCE, AgencyCandidate.PAGE_HEADER, AgencyCandidate.SOURCE_URL)));
        candidateProperties.put("line", Map.of("type", List.of("integer", "null"), "minimum", 1));
        candidateProperties.put("rawText", nullable("string"));
        candidateProperties.put("confidence", Map.of("type", "number", "minimum", 0, "maximum", 1));
        candidate.put("properties", candidateProperties);
        Map<String, Object> resolution = object();
        resolution.put("type", List.of("object", "null"));
        resolution.put("description", "how agency, region and level were decided: every candidate seen, with its source");
        Map<String, Object> properties = object();
        properties.put("confidence", Map.of("type", "number", "minimum", 0, "maximum", 1));
        properties.put("source", nullable("string"));
        properties.put("selfReference", nullable("string"));
        properties.put("candidates", Map.of("type", "array", "items", candidate));
        resolution.put("properties", properties);
        return resolution;
    }

    private static Map<String, Object> activeDisclosure() {
        Map<String, Object> rows = object();
        for (DisclosureItem item : DisclosureItem.values()) {
            Set<String> fields = new LinkedHashSet<>(item.fields2021());
            fields.addAll(item.fields2019());
            rows.put(item.key(), row(new ArrayList<>(fields)));
        }
        return table("section 二: rows of both layouts (2021 and 2019), each with the fields of the layout read", rows);
    }

    private static Map<String, Object> applications() {
        List<String> columns = Arrays.stream(ApplicantColumn.values()).map(ApplicantColumn::key).toList();
        Map<String, Object> rows = object();
        for (ApplicationRow row : ApplicationRow.values()) {
            rows.put(row.key(), row(columns));
        }
        return table("section 三: one object per template row, each with the seven applicant columns", rows);
    }

    private static Map<String, Object> reviewsAndLawsuits() {
        List<String> columns = Arrays.stream(ReviewGroup.Column.values()).map(ReviewGroup.Column::key).toList();
        Map<String, Object> rows = object();
        for (ReviewGroup group : ReviewGroup.values()) {
            rows.put(group.key(), row(columns));
        }
        return table("section 四: 行政复议 and the two kinds of 行政诉讼, each with its five columns", rows);
    }

    private static Map<String, Object> table(String description, Map<String, Object> rows) {
        Map<String, Object> table = object();
        table.put("type", "object");
        table.put("description", description);
        table.put("properties", rows);
        table.put("additionalProperties", false);
        return table;
    }

    private static Map<String, Object> row(List<String> fields) {
        Map<String, Object> properties = object();
        fields.forEach(field -> properties.put(field, ref("count")));
        Map<String, Object> row = object();
        row.put("type", "object");
        row.put("properties", properties);
        row.put("additionalProperties", false);
        return row;
    }

    private static Map<String, Object> finding() {
        Map<String, Object> finding = object();
        finding.put("type", "object");
        finding.put("required", List.of("code", "severity", "paths", "message"));
        Map<String, Object> properties = object();
        properties.put("code", Map.of("type", "string", "pattern", "^[A-Z][A-Z0-9_]*$",
                "description", "docs/checks.md lists every code"));
        properties.put("severity", Map.of("enum", Arrays.stream(Severity.values()).map(Enum::name).toList()));
        properties.put("paths", Map.of("type", "array", "items", Map.of("type", "string")));
        properties.put("message", Map.of("type", "string", "minLength", 1));
        finding.put("properties", properties);
        return finding;
    }

    private static Map<String, Object> provenance() {
        Map<String, Object> provenance = object();
        provenance.put("type", "object");
        provenance.put("description", "where a value was read: page and line (PDF, text), or table, row and "
                + "tableColumn (HTML, Word), with the row label and the cell text as printed");
        Map<String, Object> properties = object();
        for (String field : List.of("page", "line", "column", "table", "row", "tableColumn")) {
            properties.put(field, Map.of("type", List.of("integer", "null"), "minimum", 0));
        }
        properties.put("rawLabel", nullable("string"));
        properties.put("rawText", nullable("string"));
        provenance.put("properties", properties);
        return provenance;
    }

    private static Map<String, Object> section() {
        Map<String, Object> section = object();
        section.put("type", "object");
        section.put("required", List.of("number", "heading", "text"));
        Map<String, Object> properties = object();
        properties.put("number", Map.of("type", "integer", "minimum", 1, "maximum", 6));
        properties.put("heading", Map.of("type", "string"));
        properties.put("startLine", Map.of("type", "integer"));
        properties.put("endLine", Map.of("type", "integer"));
        properties.put("text", Map.of("type", "string"));
        section.put("properties", properties);
        return section;
    }

    private static Map<String, Object> ref(String def) {
        return Map.of("$ref", "#/$defs/" + def);
    }

    private static Map<String, Object> nullable(String type) {
        return Map.of("type", List.of(type, "null"));
    }

    private static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }
}
