package io.gongkai.validate.rules;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.CellPath;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/** Paths, labels, ordering and number formatting shared by the rules. */
final class Cells {

    /** Texts that stand for "nothing here" in a number cell. */
    private static final Set<String> BLANK_MARKERS = Set.of("/", "／", "—", "-", "–", "无", "空");
    /** Dash and slash characters; a cell made only of these ("——", "--") is blank too. */
    private static final String DASHES = "/／—-–－―─﹣";

    private Cells() {
    }

    static String path(String table, String row, String field) {
        return new CellPath(table, row, field).format();
    }

    static String applications(ApplicationRow row, ApplicantColumn column) {
        return CellPath.applications(row, column).format();
    }

    static String review(ReviewGroup group, ReviewGroup.Column column) {
        return CellPath.review(group, column).format();
    }

    /** The values at the paths, or null when any is blank or absent: the identity cannot be checked then. */
    static List<BigDecimal> valuesOrNull(Report report, List<String> paths) {
        List<BigDecimal> values = new ArrayList<>(paths.size());
        for (String path : paths) {
            BigDecimal value = report.value(path);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** A total whose filled parts do not add up to it. */
    record TotalMismatch(BigDecimal total, List<BigDecimal> parts, BigDecimal sum) {
    }

    /**
     * Reads a total (the first path) and its parts (the rest): the mismatch when every cell is filled and the parts
     * do not add up; empty when they do or when a cell is blank (that is {@link MissingValueRule}'s).
     */
    static Optional<TotalMismatch> totalMismatch(Report report, List<String> paths) {
        List<BigDecimal> v = valuesOrNull(report, paths);
        if (v == null) {
            return Optional.empty();
        }
        List<BigDecimal> parts = v.subList(1, v.size());
        BigDecimal sum = sum(parts);
        return v.get(0).compareTo(sum) == 0 ? Optional.empty() : Optional.of(new TotalMismatch(v.get(0), parts, sum));
    }

    static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A number as a reader writes it: 29, 12.5, -3 (no exponent, no trailing zeros). */
    static String format(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** "label1 v1 + label2 v2 + …". */
    static String terms(List<String> labels, List<BigDecimal> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(" + ");
            }
            out.append(labels.get(i)).append(' ').append(format(values.get(i)));
        }
        return out.toString();
    }

    /** The cell's raw text as printed, or null when no provenance was recorded. */
    static String rawText(Report report, String path) {
        Provenance provenance = report.provenance().get(path);
        return provenance == null ? null : provenance.rawText();
    }

    /** Whether a cell's printed text means "no value": nothing, whitespace, or a blank marker such as "/" or "—". */
    static boolean isBlankText(String text) {
        if (text == null) {
            return true;
        }
        String compact = text.replaceAll("[\\s\\u3000\\u00a0]+", "");
        if (compact.isEmpty() || BLANK_MARKERS.contains(compact)) {
            return true;
        }
        return compact.chars().allMatch(ch -> DASHES.indexOf(ch) >= 0);
    }

    /**
     * Whether the extractor already declared this cell unreadable (an {@code UNREADABLE_TABLE} finding naming the
     * cell, its row or its table): its null is then explained, and a per-cell finding would only repeat it.
     */
    static boolean declaredUnreadable(Report report, String path) {
        for (Finding finding : report.extractionFindings()) {
            if (!"UNREADABLE_TABLE".equals(finding.code())) {
                continue;
            }
            for (String covered : finding.paths()) {
                if (path.equals(covered) || path.startsWith(covered + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every cell of the three tables, path to value, in template order whatever maps the report was built with. */
    static List<Map.Entry<String, BigDecimal>> ordered(Report report) {
        List<CellPath> cells = new ArrayList<>();
        for (String table : CellPath.TABLES) {
            report.table(table).forEach((row, fields) -> {
                if (fields != null) {
                    fields.keySet().forEach(field -> cells.add(new CellPath(table, row, field)));
                }
            });
        }
        cells.sort(CellPath.TEMPLATE_ORDER);
        List<Map.Entry<String, BigDecimal>> out = new ArrayList<>(cells.size());
        for (CellPath cell : cells) {
            // AbstractMap.SimpleImmutableEntry allows the null value of a blank cell; Map.entry does not.
            out.add(new AbstractMap.SimpleImmutableEntry<>(cell.format(), report.value(cell)));
        }
        return out;
    }

    /** "表三 （一）予以公开 行 自然人 列", for messages; a path that is no cell as it is. */
    static String describe(String path) {
        return CellPath.tryParse(path).map(cell -> switch (cell.table()) {
            case Report.APPLICATIONS -> "表三 " + cell.rowLabel() + " 行 " + cell.fieldLabel() + " 列";
            default -> cell.tableLabel() + " " + cell.rowLabel() + " " + cell.fieldLabel();
        }).orElse(path);
    }
}
