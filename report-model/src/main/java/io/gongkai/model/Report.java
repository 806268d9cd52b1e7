package io.gongkai.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the system reads out of one 政府信息公开工作年度报告, in the JSON names of docs/report-model.md.
 *
 * <p>The three tables are maps of row key to (field key to value); a row is present with every field of
 * the layout that was detected, and a blank or unreadable cell is {@code null}, never 0. Beyond the
 * spec's keys: {@code provenance} maps each value's path to where it was read, {@code units} keeps units
 * printed beside amounts whose unit the template does not fix, {@code sections} holds the six sections'
 * text, and {@code extractionFindings} the findings that only the extractor can see (a table whose cells
 * cannot be told apart, labels that differ from the template). {@code region} places the agency in the national
 * division codes and {@code agencyResolution} says how agency, region and level were decided (null when not
 * resolved, e.g. a report built by hand).
 */
public record Report(
        String agency,
        Integer year,
        String administrativeLevel,
        LocalDate publishedOn,
        String templateVersion,
        Map<String, Map<String, BigDecimal>> activeDisclosure,
        Map<String, Map<String, BigDecimal>> applications,
        Map<String, Map<String, BigDecimal>> reviewsAndLawsuits,
        Map<String, Provenance> provenance,
        Map<String, String> units,
        List<Section> sections,
        List<Finding> extractionFindings,
        Region region,
        AgencyResolution agencyResolution) {

    public static final String ACTIVE_DISCLOSURE = "activeDisclosure";
    public static final String APPLICATIONS = "applications";
    public static final String REVIEWS_AND_LAWSUITS = "reviewsAndLawsuits";

    public Report {
        activeDisclosure = activeDisclosure == null ? Map.of() : activeDisclosure;
        applications = applications == null ? Map.of() : applications;
        reviewsAndLawsuits = reviewsAndLawsuits == null ? Map.of() : reviewsAndLawsuits;
        provenance = provenance == null ? Map.of() : provenance;
        units = units == null ? Map.of() : units;
        sections = sections == null ? List.of() : sections;
        extractionFindings = extractionFindings == null ? List.of() : extractionFindings;
    }

    /** A report whose agency was not resolved beyond its name (no region, no resolution record). */
    public Report(String agency, Integer year, String administrativeLevel, LocalDate publishedOn, String templateVersion,
            Map<String, Map<String, BigDecimal>> activeDisclosure, Map<String, Map<String, BigDecimal>> applications,
            Map<String, Map<String, BigDecimal>> reviewsAndLawsuits, Map<String, Provenance> provenance,
            Map<String, String> units, List<Section> sections, List<Finding> extractionFindings) {
        this(agency, year, administrativeLevel, publishedOn, templateVersion, activeDisclosure, applications,
                reviewsAndLawsuits, provenance, units, sections, extractionFindings, null, null);
    }

    /** The table of the given name ({@link #ACTIVE_DISCLOSURE}, {@link #APPLICATIONS}, {@link #REVIEWS_AND_LAWSUITS}). */
    public Map<String, Map<String, BigDecimal>> table(String name) {
        return switch (name) {
            case ACTIVE_DISCLOSURE -> activeDisclosure;
            case APPLICATIONS -> applications;
            case REVIEWS_AND_LAWSUITS -> reviewsAndLawsuits;
            default -> throw new IllegalArgumentException("no table " + name);
        };
    }

    /** The value at {@code table.row.field} ({@link CellPath}); null when blank, unreadable or absent. */
    public BigDecimal value(String path) {
        return value(CellPath.parse(path));
    }

    /** The value of a cell; null when blank, unreadable or absent. */
    public BigDecimal value(CellPath cell) {
        Map<String, BigDecimal> row = table(cell.table()).get(cell.row());
        return row == null ? null : row.get(cell.field());
    }

    /** Whether the layout detected has a cell at this path (it may still be blank); false for a path that is no cell. */
    public boolean hasCell(String path) {
        return CellPath.tryParse(path).map(this::hasCell).orElse(false);
    }

    /** Whether the layout detected has this cell (it may still be blank). */
    public boolean hasCell(CellPath cell) {
        Map<String, BigDecimal> row = table(cell.table()).get(cell.row());
        return row != null && row.containsKey(cell.field());
    }

    /** Every cell of the three tables, path to value (null for blank), in table order. */
    public Map<String, BigDecimal> cells() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String table : CellPath.TABLES) {
            table(table).forEach((row, fields) -> fields.forEach((field, v) -> out.put(new CellPath(table, row, field).format(), v)));
        }
        return out;
    }

    /** The section with the given number (1..6), or null when the document has none. */
    public Section section(int number) {
        for (Section s : sections) {
            if (s.number() == number) {
                return s;
            }
        }
        return null;
    }

    /** A copy with other provenance (mapped back to the source document). */
    public Report withProvenance(Map<String, Provenance> mapped) {
        return new Report(agency, year, administrativeLevel, publishedOn, templateVersion, activeDisclosure, applications,
                reviewsAndLawsuits, mapped, units, sections, extractionFindings, region, agencyResolution);
    }

    /** A copy with more extraction findings. */
    public Report withExtractionFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(extractionFindings);
        all.addAll(more);
        return new Report(agency, year, administrativeLevel, publishedOn, templateVersion, activeDisclosure, applications,
                reviewsAndLawsuits, provenance, units, sections, all, region, agencyResolution);
    }
}
