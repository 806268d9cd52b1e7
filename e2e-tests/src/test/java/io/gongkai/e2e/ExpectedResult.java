package io.gongkai.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a result with a hand-checked {@code NAME.expected.json}, the way ../shared/tools/score.py does:
 * every metadata value and table cell must be equal (null only for null), every required finding of the
 * codes under test must be reported, and no error or warning may be reported that is neither required nor
 * allowed.
 */
final class ExpectedResult {

    private static final List<String> META = List.of("agency", "year", "administrativeLevel", "publishedOn", "templateVersion");
    private static final List<String> TABLES = List.of("activeDisclosure", "applications", "reviewsAndLawsuits");

    private ExpectedResult() {
    }

    /** @return one line per difference; empty when the result is right */
    static List<String> differences(JsonNode expected, JsonNode result, Set<String> codesUnderTest) {
        List<String> out = new ArrayList<>();
        JsonNode want = expected.get("report");
        JsonNode got = result.path("report");
        for (String key : META) {
            if (want.has(key) && !same(want.get(key), got.get(key))) {
                out.add("wrong " + key + ": expected " + want.get(key) + ", got " + got.get(key));
            }
        }
        for (String table : TABLES) {
            compareCells(table, want.get(table), got.path(table), out);
        }
        JsonNode findings = result.path("findings");
        for (JsonNode required : expected.at("/findings/required")) {
            if (codesUnderTest.contains(required.get("code").asText()) && !anyMatches(required, findings)) {
                out.add("missed " + required.get("code").asText() + " " + required.path("path").asText("") + ": "
                        + required.path("why").asText(""));
            }
        }
        for (JsonNode finding : findings) {
            String severity = finding.path("severity").asText();
            if (!severity.equals("error") && !severity.equals("warning")) {
                continue;
            }
            boolean expectedOne = isRequired(finding, expected.at("/findings/required"))
                    || anyCodeEquals(expected.at("/findings/allowed"), finding.path("code").asText());
            if (!expectedOne) {
                out.add("false " + finding.path("code").asText() + " " + finding.path("paths") + ": " + finding.path("message").asText());
            }
        }
        return out;
    }

    private static void compareCells(String prefix, JsonNode want, JsonNode got, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = want.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                compareCells(path, field.getValue(), got.path(field.getKey()), out);
            } else if (!got.has(field.getKey())) {
                out.add("absent " + path + ": expected " + field.getValue());
            } else if (!same(field.getValue(), got.get(field.getKey()))) {
                out.add("wrong " + path + ": expected " + field.getValue() + ", got " + got.get(field.getKey()));
            }
        }
    }

    private static boolean same(JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull() || actual == null || actual.isNull()) {
            return (expected == null || expected.isNull()) && (actual == null || actual.isNull());
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isTextual() && actual.isTextual()) {
            return expected.asText().replaceAll("\\s", "").equals(actual.asText().replaceAll("\\s", ""));
        }
        return expected.equals(actual);
    }

    private static boolean anyMatches(JsonNode required, JsonNode findings) {
        for (JsonNode f : findings) {
            if (matches(required, f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRequired(JsonNode finding, JsonNode required) {
        for (JsonNode want : required) {
            if (matches(want, finding)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode want, JsonNode finding) {
        if (!want.get("code").asText().equals(finding.path("code").asText())) {
            return false;
        }
        if (!want.has("path")) {
            return true;
        }
        for (JsonNode p : finding.path("paths")) {
            if (p.asText().equals(want.get("path").asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyCodeEquals(JsonNode entries, String code) {
        for (JsonNode e : entries) {
            if (e.get("code").asText().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
