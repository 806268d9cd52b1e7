package io.gongkai.reader.formats.render;

import io.gongkai.reader.formats.render.RenderedReport.Block;
import io.gongkai.reader.formats.render.RenderedReport.Paragraph;
import io.gongkai.reader.formats.render.RenderedReport.Table;
import io.gongkai.reader.formats.render.RenderedReport.TableCell;
import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Section;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays a seed report out in the official format: its narrative lines as paragraphs and its three tables
 * (2021 layout, with （六）其他处理 as one row where the report has the 2019 row) filled with the values the
 * text parser read, blank cells left empty. Test code: the renderings made from it must read back the same.
 */
public final class RenderedReportBuilder {

    private static final String[] APPLICANT_HEADERS = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};

    private RenderedReportBuilder() {
    }

    public static RenderedReport build(String text, Report report) {
        String[] lines = text.split("\\R", -1);
        List<Block> blocks = new ArrayList<>();
        int line = 1;
        for (Section s : report.sections().stream().sorted((a, b) -> a.startLine() - b.startLine()).toList()) {
            for (; line < s.startLine(); line++) {
                paragraph(blocks, lines[line - 1]);
            }
            boolean table = s.number() >= 2 && s.number() <= 4;
            paragraph(blocks, lines[s.startLine() - 1]);
            if (table) {
                blocks.add(switch (s.number()) {
                    case 2 -> disclosure(report);
                    case 3 -> applications(report);
                    default -> reviews(report);
                });
                line = s.endLine() + 1;
            } else {
                line = s.startLine() + 1;
            }
        }
        for (; line <= lines.length; line++) {
            paragraph(blocks, lines[line - 1]);
        }
        return new RenderedReport(blocks);
    }

    private static void paragraph(List<Block> blocks, String line) {
        if (!line.isBlank()) {
            blocks.add(new Paragraph(line.strip()));
        }
    }

    private static String v(Report r, String path) {
        BigDecimal value = r.value(path);
        return value == null ? "" : value.toPlainString();
    }

    private static Table disclosure(Report r) {
        List<List<TableCell>> rows = new ArrayList<>();
        String ad = Report.ACTIVE_DISCLOSURE + ".";
        rows.add(List.of(new TableCell("第二十条第（一）项", 1, 4)));
        rows.add(cells("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"));
        rows.add(cells("规章", v(r, ad + "rules.issued"), v(r, ad + "rules.repealed"), v(r, ad + "rules.inForce")));
        rows.add(cells("行政规范性文件", v(r, ad + "normativeDocuments.issued"), v(r, ad + "normativeDocuments.repealed"),
                v(r, ad + "normativeDocuments.inForce")));
        block(rows, "第二十条第（五）项", "本年处理决定数量", Map.of("行政许可", v(r, ad + "licensing.decisions")));
        rows.add(List.of(new TableCell("第二十条第（六）项", 1, 4)));
        rows.add(List.of(TableCell.of("信息内容"), new TableCell("本年处理决定数量", 1, 3)));
        rows.add(List.of(TableCell.of("行政处罚"), new TableCell(v(r, ad + "punishment.decisions"), 1, 3)));
        rows.add(List.of(TableCell.of("行政强制"), new TableCell(v(r, ad + "enforcement.decisions"), 1, 3)));
        block(rows, "第二十条第（八）项", "本年收费金额（单位：万元）", Map.of("行政事业性收费", v(r, ad + "fees.amountTenThousandYuan")));
        return new Table(rows, new double[] {0.31, 0.23, 0.23, 0.23});
    }

    private static void block(List<List<TableCell>> rows, String caption, String header, Map<String, String> row) {
        rows.add(List.of(new TableCell(caption, 1, 4)));
        rows.add(List.of(TableCell.of("信息内容"), new TableCell(header, 1, 3)));
        row.forEach((label, value) -> rows.add(List.of(TableCell.of(label), new TableCell(value, 1, 3))));
    }

    private static Table applications(Report r) {
        List<List<TableCell>> rows = new ArrayList<>();
        rows.add(List.of(new TableCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                new TableCell("申请人情况", 1, 7)));
        rows.add(List.of(new TableCell("自然人", 2, 1), new TableCell("法人或其他组织", 1, 5), new TableCell("总计", 2, 1)));
        rows.add(cells(APPLICANT_HEADERS));
        boolean single = r.applications().containsKey(ApplicationRow.OTHER_HANDLING.key());
        List<ApplicationRow> order = ApplicationRow.rows(!single);
        int outcomes = (int) order.stream().filter(a -> a.role() == ApplicationRow.Role.OUTCOME
                || a.role() == ApplicationRow.Role.TOTAL).count();
        String group = null;
        boolean resultsOpen = false;
        for (ApplicationRow row : order) {
            List<TableCell> cells = new ArrayList<>();
            String label = label(row);
            int space = label.indexOf(' ');
            if (row.role() == ApplicationRow.Role.INTAKE || row.role() == ApplicationRow.Role.CARRY_FORWARD) {
                cells.add(new TableCell(label, 1, 3));
            } else {
                if (!resultsOpen) {
                    cells.add(new TableCell("三、本年度办理结果", outcomes, 1));
                    resultsOpen = true;
                }
                if (space < 0) {
                    cells.add(new TableCell(label, 1, 2));
                    group = null;
                } else {
                    String g = label.substring(0, space);
                    if (!g.equals(group)) {
                        long size = order.stream().filter(o -> label(o).startsWith(g + " ")).count();
                        cells.add(new TableCell(g, (int) size, 1));
                        group = g;
                    }
                    cells.add(TableCell.of(label.substring(space + 1)));
                }
            }
            for (ApplicantColumn c : ApplicantColumn.values()) {
                cells.add(TableCell.of(v(r, Report.APPLICATIONS + "." + row.key() + "." + c.key())));
            }
            rows.add(cells);
        }
        return new Table(rows, new double[] {0.07, 0.09, 0.27, 0.08, 0.08, 0.08, 0.08, 0.08, 0.08, 0.09});
    }

    /** The template's wording; the two long （六） rows are printed in full. */
    private static String label(ApplicationRow row) {
        return switch (row) {
            case PARTIALLY_GRANTED -> "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
            case OTHER_OVERDUE_CORRECTION -> "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
            case OTHER_OVERDUE_FEE -> "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
            default -> row.label();
        };
    }

    private static Table reviews(Report r) {
        List<List<TableCell>> rows = new ArrayList<>();
        rows.add(List.of(new TableCell("行政复议", 2, 5), new TableCell("行政诉讼", 1, 10)));
        rows.add(List.of(new TableCell("未经复议直接起诉", 1, 5), new TableCell("复议后起诉", 1, 5)));
        List<TableCell> header = new ArrayList<>();
        List<TableCell> values = new ArrayList<>();
        for (ReviewGroup g : ReviewGroup.values()) {
            header.addAll(cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"));
            for (String f : List.of("upheld", "corrected", "other", "pending", "total")) {
                values.add(TableCell.of(v(r, Report.REVIEWS_AND_LAWSUITS + "." + g.key() + "." + f)));
            }
        }
        rows.add(header);
        rows.add(values);
        double[] widths = new double[15];
        java.util.Arrays.fill(widths, 1.0 / 15);
        return new Table(rows, widths);
    }

    private static List<TableCell> cells(String... texts) {
        List<TableCell> out = new ArrayList<>();
        for (String t : texts) {
            out.add(TableCell.of(t));
        }
        return out;
    }
}
