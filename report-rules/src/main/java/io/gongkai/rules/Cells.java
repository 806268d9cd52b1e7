package io.gongkai.rules;

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

    /**
     * A cell as a term of an identity (R1-R4, X2, the carry-over): its value; 0 when the document printed it blank
     * (nothing, "/", "—", "无": format-notes R5, tables that leave zeros blank); null when it cannot count, that is
     * absent, not a number, doubted by the extractor (unreadable, an OCR reading it could not confirm), or left out
     * ({@link #omitted}). The blank keeps its null and its {@code MISSING_VALUE}; only the arithmetic reads it as 0.
     */
    static BigDecimal term(Report report, String path) {
        BigDecimal value = report.value(path);
        if (value != null) {
            return value;
        }
        return printedBlank(report, path) && !omitted(report, path) ? BigDecimal.ZERO : null;
    }

    /** Whether a cell of the layout is null because the document printed nothing (or a blank marker) there. */
    static boolean printedBlank(Report report, String path) {
        return report.hasCell(path) && report.value(path) == null && isBlankText(rawText(report, path))
                && !doubted(report, path);
    }

    /** Identity terms with blanks read as 0, or null when any term cannot count. */
    static Terms termsOrNull(Report report, List<String> paths) {
        List<BigDecimal> values = new ArrayList<>(paths.size());
        int blanks = 0;
        for (String path : paths) {
            BigDecimal value = term(report, path);
            if (value == null) {
                return null;
            }
            blanks += report.value(path) == null ? 1 : 0;
            values.add(value);
        }
        return new Terms(values, blanks);
    }

    /** The terms of an identity and how many of them were printed blank and read as 0. */
    record Terms(List<BigDecimal> values, int blanks) {

        BigDecimal get(int i) {
            return values.get(i);
        }

        /** What a message adds when blanks were read as 0, so a reader sees where a 0 came from. */
        String blankNote() {
            return blanks == 0 ? "" : "（空白单元格按 0 计）";
        }
    }

    /** A total whose parts do not add up to it; {@code note} says when blank cells were read as 0. */
    record TotalMismatch(BigDecimal total, List<BigDecimal> parts, BigDecimal sum, String note) {
    }

    /**
     * Reads a total (the first path) and its parts (the rest), blanks as 0 ({@link #term}): the mismatch when the
     * parts do not add up; empty when they do or when a term cannot count.
     */
    static Optional<TotalMismatch> totalMismatch(Report report, List<String> paths) {
        Terms t = termsOrNull(report, paths);
        if (t == null) {
            return Optional.empty();
        }
        List<BigDecimal> parts = t.values().subList(1, t.values().size());
        BigDecimal sum = sum(parts);
        return t.get(0).compareTo(sum) == 0 ? Optional.empty()
                : Optional.of(new TotalMismatch(t.get(0), parts, sum, t.blankNote()));
    }

    /**
     * Whether a blank cell was left out rather than printed blank for a zero, as its identities show: it is the total
     * of parts one of which holds a non-zero number (Shanghai 2019's （一）予以公开 总计), or one of the parts of a
     * non-zero total whose parts are all blank in a table that prints its zeros as 0 (a row giving only its 总计).
     * Reading such a cell as 0 would make an arithmetic error of an omission; {@link MissingValueRule} reports it.
     */
    private static boolean omitted(Report report, String path) {
        for (Identity identity : identities(report)) {
            if (identity.total().equals(path)
                    && identity.parts().stream().map(report::value).anyMatch(v -> v != null && v.signum() != 0)) {
                return true;
            }
            if (identity.parts().contains(path) && printsZeros(report, path)) {
                BigDecimal total = report.value(identity.total());
                if (total != null && total.signum() != 0 && identity.parts().stream().allMatch(q -> report.value(q) == null)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A total and its parts within one table: R2 (table 三's columns), R3 (its rows), R4 (table 四's groups). */
    private record Identity(String total, List<String> parts) {
    }

    private static List<Identity> identities(Report report) {
        List<Identity> out = new ArrayList<>();
        for (String row : report.applications().keySet()) {
            out.add(new Identity(path(Report.APPLICATIONS, row, ApplicantColumn.TOTAL.key()),
                    ApplicantColumn.APPLICANTS.stream().map(c -> path(Report.APPLICATIONS, row, c.key())).toList()));
        }
        for (ApplicantColumn column : ApplicantColumn.values()) {
            List<String> parts = new ArrayList<>();
            for (ApplicationRow row : ApplicationRow.values()) {
                if (row.role() == ApplicationRow.Role.OUTCOME && report.applications().containsKey(row.key())) {
                    parts.add(applications(row, column));
                }
            }
            out.add(new Identity(applications(ApplicationRow.TOTAL_HANDLED, column), parts));
        }
        for (String group : report.reviewsAndLawsuits().keySet()) {
            List<String> parts = new ArrayList<>();
            for (ReviewGroup.Column c : ReviewGroup.Column.values()) {
                if (c != ReviewGroup.Column.TOTAL) {
                    parts.add(path(Report.REVIEWS_AND_LAWSUITS, group, c.key()));
                }
            }
            out.add(new Identity(path(Report.REVIEWS_AND_LAWSUITS, group, ReviewGroup.Column.TOTAL.key()), parts));
        }
        return out;
    }

    /** Whether the cell's table prints some zero as 0: its blanks are then not how it writes zeros. */
    private static boolean printsZeros(Report report, String path) {
        String table = path.substring(0, path.indexOf('.'));
        return report.table(table).values().stream().filter(java.util.Objects::nonNull)
                .flatMap(row -> row.values().stream()).anyMatch(v -> v != null && v.signum() == 0);
    }

    /**
     * Whether an extraction finding names the cell, its row or its table ({@code UNREADABLE_TABLE},
     * {@code OCR_UNCONFIRMED}, a row the reader could not place): its null may be an unread number, not a blank.
     */
    static boolean doubted(Report report, String path) {
        for (Finding finding : report.extractionFindings()) {
            for (String covered : finding.paths()) {
                if (path.equals(covered) || path.startsWith(covered + ".")) {
                    return true;
                }
            }
        }
        return false;
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
