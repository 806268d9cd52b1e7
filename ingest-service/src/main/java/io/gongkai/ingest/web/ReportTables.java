package io.gongkai.ingest.web;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.CellPath;
import io.gongkai.model.DisclosureBlock;
import io.gongkai.model.DisclosureField;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Severity;
import io.gongkai.model.TemplateVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report's three tables laid out as the official format prints them (rows, columns, merged header and label
 * cells), each cell with its value, where it was read and the findings that name it. The rows and headers come
 * from report-model's enums; which generation's rows are shown follows the cells the report actually has.
 */
public final class ReportTables {

    /** A header or label cell of the template. */
    public record Label(String text, int colspan, int rowspan) {
    }

    /**
     * A value cell.
     *
     * @param display  the value as a reader writes it, or the printed text when it could not be read, or empty
     * @param severity the gravest finding that is about this cell (names it first among cells), or null
     * @param involved whether other findings use the cell's value (a part of a sum that does not add up)
     * @param marks    the numbers of every finding naming the cell, in the report's finding list
     */
    public record Cell(String path, String display, boolean read, String severity, boolean involved, List<Integer> marks,
            int colspan, Provenance provenance, List<NumberedFinding> findings, String place) {

        public String anchor() {
            return "cell-" + path;
        }

        public boolean flagged() {
            return severity != null;
        }

        public boolean marked() {
            return !marks.isEmpty();
        }
    }

    public record Row(List<Label> labels, List<Cell> cells) {
    }

    /** A block of table 二: its caption row, its header row and its rows. */
    public record Block(String caption, List<Label> header, List<Row> rows) {
    }

    /** A finding with its number in the report, where it points, and the table it is listed under. */
    public record NumberedFinding(int number, Finding finding, String severityLabel, List<String> places) {

        public String severity() {
            return finding.severity() == null ? "info" : finding.severity().name();
        }
    }

    private final Report report;
    private final List<NumberedFinding> numbered = new ArrayList<>();
    private final Map<String, List<NumberedFinding>> byPath = new LinkedHashMap<>();

    public ReportTables(Report report, List<Finding> findings) {
        this.report = report;
        int n = 1;
        for (Finding finding : findings) {
            List<String> places = finding.paths().stream().map(p -> CellLabels.of(p).describe()).toList();
            NumberedFinding nf = new NumberedFinding(n++, finding, severityLabel(finding.severity()), places);
            numbered.add(nf);
            for (String path : finding.paths()) {
                byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(nf);
            }
        }
    }

    public static String severityLabel(Severity severity) {
        if (severity == null) {
            return "提示";
        }
        return switch (severity) {
            case error -> "错误";
            case warning -> "警告";
            case info -> "提示";
        };
    }

    /** 表二, block by block, in the generation whose cells the report has. */
    public List<Block> disclosure() {
        Map<String, Map<String, BigDecimal>> table = report.activeDisclosure();
        boolean layout2019 = TemplateVersion.V2019.equals(report.templateVersion());
        List<Block> blocks = new ArrayList<>();
        for (DisclosureBlock block : DisclosureBlock.values()) {
            List<DisclosureItem> items = new ArrayList<>();
            List<String> fields = List.of();
            for (DisclosureItem item : block.items()) {
                List<String> itemFields = fieldsOf(item, table.get(item.key()), layout2019);
                if (!itemFields.isEmpty()) {
                    items.add(item);
                    fields = itemFields.size() > fields.size() ? itemFields : fields;
                }
            }
            if (items.isEmpty()) {
                continue;
            }
            List<Label> header = new ArrayList<>();
            header.add(new Label("信息内容", 1, 1));
            for (int i = 0; i < fields.size(); i++) {
                header.add(new Label(DisclosureField.labelOf(fields.get(i)), i == fields.size() - 1 ? 4 - fields.size() : 1, 1));
            }
            List<Row> rows = new ArrayList<>();
            for (DisclosureItem item : items) {
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    cells.add(cell(CellPath.disclosure(item, fields.get(i)),
                            i == fields.size() - 1 ? 4 - fields.size() : 1));
                }
                rows.add(new Row(List.of(new Label(item.label(), 1, 1)), cells));
            }
            blocks.add(new Block(block.caption(), header, rows));
        }
        return blocks;
    }

    /** The fields a row of 表二 has in this report: the generation its stored cells belong to, else the report's. */
    private static List<String> fieldsOf(DisclosureItem item, Map<String, BigDecimal> stored, boolean layout2019) {
        if (stored != null) {
            if (!item.fields2021().isEmpty() && item.fields2021().stream().anyMatch(stored::containsKey)) {
                return item.fields2021();
            }
            if (!item.fields2019().isEmpty() && item.fields2019().stream().anyMatch(stored::containsKey)) {
                return item.fields2019();
            }
        }
        return layout2019 ? item.fields2019() : item.fields2021();
    }

    public List<Label> applicantHeader() {
        return List.of(ApplicantColumn.values()).stream().map(c -> new Label(c.label(), 1, 1)).toList();
    }

    /**
     * 表三's rows with their label cells merged as in the template: 一、二、四 span the three label columns;
     * 三、本年度办理结果 spans every outcome row; a group such as （三）不予公开 spans its numbered sub-rows.
     */
    public List<Row> applications() {
        Map<String, Map<String, BigDecimal>> table = report.applications();
        boolean split = table.containsKey(ApplicationRow.OTHER_OVERDUE_CORRECTION.key())
                || table.containsKey(ApplicationRow.OTHER_OTHER.key())
                || !(table.containsKey(ApplicationRow.OTHER_HANDLING.key()) || TemplateVersion.V2019.equals(report.templateVersion()));
        List<ApplicationRow> rows = ApplicationRow.rows(split);
        int outcomeRows = (int) rows.stream().filter(r -> r.role() == ApplicationRow.Role.OUTCOME || r.role() == ApplicationRow.Role.TOTAL).count();
        List<Row> out = new ArrayList<>();
        boolean outcomeStarted = false;
        String currentGroup = null;
        for (ApplicationRow row : rows) {
            List<Label> labels = new ArrayList<>();
            boolean outcome = row.role() == ApplicationRow.Role.OUTCOME || row.role() == ApplicationRow.Role.TOTAL;
            if (!outcome) {
                labels.add(new Label(row.label(), 3, 1));
            } else {
                if (!outcomeStarted) {
                    labels.add(new Label("三、本年度办理结果", 1, outcomeRows));
                    outcomeStarted = true;
                }
                String label = row.label();
                int space = label.indexOf(' ');
                if (space < 0) {
                    labels.add(new Label(label, 2, 1));
                    currentGroup = null;
                } else {
                    String group = label.substring(0, space);
                    if (!group.equals(currentGroup)) {
                        int span = (int) rows.stream().filter(r -> r.label().startsWith(group + " ")).count();
                        labels.add(new Label(group, 1, span));
                        currentGroup = group;
                    }
                    labels.add(new Label(label.substring(space + 1), 1, 1));
                }
            }
            List<Cell> cells = new ArrayList<>();
            for (ApplicantColumn column : ApplicantColumn.values()) {
                cells.add(cell(CellPath.applications(row, column), 1));
            }
            out.add(new Row(labels, cells));
        }
        return out;
    }

    public List<ReviewGroup> reviewGroups() {
        return List.of(ReviewGroup.values());
    }

    public List<ReviewGroup.Column> reviewColumns() {
        return List.of(ReviewGroup.Column.values());
    }

    /** 表四's one data row: the five columns of each of the three groups. */
    public List<Cell> reviews() {
        List<Cell> cells = new ArrayList<>();
        for (ReviewGroup group : ReviewGroup.values()) {
            for (ReviewGroup.Column column : ReviewGroup.Column.values()) {
                cells.add(cell(CellPath.review(group, column), 1));
            }
        }
        return cells;
    }

    /** Every cell of the three tables, for the detail panels. */
    public List<Cell> allCells() {
        List<Cell> all = new ArrayList<>();
        disclosure().forEach(b -> b.rows().forEach(r -> all.addAll(r.cells())));
        applications().forEach(r -> all.addAll(r.cells()));
        all.addAll(reviews());
        return all;
    }

    /** The findings of one table (by the first path they name), or with {@code table} empty those naming no cell. */
    public List<NumberedFinding> findingsOf(String table) {
        return numbered.stream().filter(f -> tableOf(f.finding()).equals(table)).toList();
    }

    public List<NumberedFinding> findings() {
        return numbered;
    }

    private static String tableOf(Finding finding) {
        String cell = firstCell(finding);
        return cell == null ? "" : tableOfPath(cell);
    }

    private Cell cell(CellPath at, int colspan) {
        String path = at.format();
        BigDecimal value = report.hasCell(at) ? report.value(at) : null;
        Provenance provenance = report.provenance().get(path);
        List<NumberedFinding> findings = byPath.getOrDefault(path, List.of());
        String severity = null;
        boolean involved = false;
        for (NumberedFinding f : findings) {
            if (path.equals(firstCell(f.finding()))) {
                severity = graver(severity, f.severity());
            } else {
                involved = true;
            }
        }
        String display;
        if (value != null) {
            display = value.stripTrailingZeros().toPlainString();
        } else {
            display = provenance == null || provenance.rawText() == null ? "" : provenance.rawText().strip();
        }
        return new Cell(path, display, value != null, severity, involved && severity == null, findings.stream().map(NumberedFinding::number).toList(),
                colspan, provenance, findings, CellLabels.of(path).describe());
    }

    /** The cell a finding is about: the first of its paths that is a cell of the three tables. */
    static String firstCell(Finding finding) {
        for (String path : finding.paths()) {
            if (!tableOfPath(path).isEmpty()) {
                return path;
            }
        }
        return null;
    }

    /** The table a cell path is in, or empty when the path is not a cell of the three tables. */
    static String tableOfPath(String path) {
        return CellPath.tryParse(path).map(CellPath::table).orElse("");
    }

    private static String graver(String a, String b) {
        List<String> order = List.of("error", "warning", "info");
        if (a == null) {
            return b;
        }
        return order.indexOf(b) < order.indexOf(a) ? b : a;
    }
}
