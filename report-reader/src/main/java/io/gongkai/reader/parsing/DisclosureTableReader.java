package io.gongkai.reader.parsing;

import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Report;
import java.util.List;
import java.util.Map;

/** Reads table 二 (主动公开政府信息情况) in the 2021 or the 2019 layout. */
final class DisclosureTableReader {

    private static final String TABLE_NAME = "表二（主动公开政府信息情况）";
    private static final List<String> MARKERS_2021 = List.of("制发件数", "废止件数", "现行有效件数", "收费金额");
    private static final List<String> MARKERS_2019 = List.of("新制作数量", "新公开数量", "对外公开总数", "上一年项目数量",
            "本年增减", "对外管理服务事项", "采购项目数量", "采购总金额", "第二十条第九项");

    private DisclosureTableReader() {
    }

    static TableOutput read(List<Line> lines, int from, int to, String fallbackLayout) {
        return read(lines, from, to, fallbackLayout, false);
    }

    /** @param ocr whether the text came from OCR (labels a character off then name their row) */
    static TableOutput read(List<Line> lines, int from, int to, String fallbackLayout, boolean ocr) {
        TableOutput out = new TableOutput(Report.ACTIVE_DISCLOSURE);
        int score2021 = 0;
        int score2019 = 0;
        for (int i = from; i < to; i++) {
            String c = lines.get(i).compact();
            score2021 += count(c, MARKERS_2021);
            score2019 += count(c, MARKERS_2019);
        }
        String layout = score2021 == 0 && score2019 == 0 ? null : score2019 > score2021 ? "2019" : "2021";
        Walker walker = new Walker(layout == null ? "2021" : layout, ocr);
        lines = walker.place(lines, from, to);
        walker.walk(lines, from, to);
        if (layout == null && !walker.rows.isEmpty()) {
            // No column header to go by: rows that only the 2019 layout has decide, else the other tables or the year.
            boolean only2019 = walker.rows.containsKey(DisclosureItem.OTHER_MANAGEMENT_SERVICES.key())
                    || walker.rows.containsKey(DisclosureItem.CENTRALIZED_PROCUREMENT.key());
            layout = only2019 ? "2019" : fallbackLayout == null ? "2021" : fallbackLayout;
            if (layout.equals("2019")) {
                walker = new Walker(layout, ocr);
                lines = walker.place(lines, from, to);
                walker.walk(lines, from, to);
            }
        }
        out.found = !walker.rows.isEmpty();
        out.layout = out.found || layout != null ? layout : null;
        String effective = out.layout == null ? (fallbackLayout == null ? "2021" : fallbackLayout) : out.layout;
        boolean cellPerLine = walker.cellPerLine();
        java.util.Set<Integer> shortBlocks = walker.blocksWithShortRows();
        java.util.Set<Integer> tracelessBlocks = walker.blocksWithTracelessShortRows();
        Map<String, Cell[]> placed = new java.util.HashMap<>();
        for (DisclosureItem item : DisclosureItem.values()) {
            List<String> fields = fields(item, effective);
            if (fields.isEmpty()) {
                continue;
            }
            CollectedRow row = walker.rows.get(item.key());
            if (row != null && unplaced(walker, row, cellPerLine, shortBlocks, tracelessBlocks)) {
                if (placed.isEmpty()) {
                    placed = placeBlocks(lines, from, to, walker, effective);
                }
                Cell[] values = placed.get(item.key());
                if (values != null) {
                    out.put(item.key(), fields, ReadingOrderPlacement.resolved(values, row.rawLabel()), row.rawLabel());
                } else {
                    out.putUnplaced(item.key(), fields, row);
                }
                continue;
            }
            if (row == null && (walker.hasOrphans() || walker.strayValues > 0)) {
                // Values no row took, and a row not found: its label may be among them, broken beyond matching (a
                // converter writing a narrow label a character or two per line: 行政 / 0 / 许可).
                out.putUnplaced(item.key(), fields, null);
                continue;
            }
            if (row == null) {
                out.putAbsent(item.key(), fields);
                if (out.found) {
                    out.findings.add(Findings.deviation(out.paths(item.key(), fields),
                            TABLE_NAME + "中未找到“" + label(item, effective) + "”一行。"));
                }
                continue;
            }
            RowResolver.Resolved resolved = RowResolver.resolve(row);
            out.put(item.key(), fields, resolved, row.rawLabel());
            String template = TextNormalizer.compact(label(item, effective));
            if (!TextNormalizer.containsInOrder(row.compactLabel(), template)) {
                out.findings.add(Findings.deviation(out.paths(item.key(), fields),
                        TABLE_NAME + "中“" + label(item, effective) + "”一行印作“" + row.rawLabel() + "”，与模板不同。"));
            }
            for (int i = 0; i < fields.size(); i++) {
                if (DisclosureItem.isAmount(fields.get(i)) && !resolved.unreadable()) {
                    String unit = unitOf(row, resolved, i);
                    if (unit != null) {
                        out.units.put(out.path(item.key(), fields.get(i)), unit);
                    }
                }
            }
        }
        if (effective.equals("2019") && out.rows.containsKey(DisclosureItem.CENTRALIZED_PROCUREMENT.key())) {
            String path = out.path(DisclosureItem.CENTRALIZED_PROCUREMENT.key(), "amount");
            if (!out.units.containsKey(path)) {
                String unit = headerUnit(lines, from, to);
                if (unit != null) {
                    out.units.put(path, unit);
                }
            }
        }
        Findings.addUnreadable(out, TABLE_NAME);
        Findings.addUnplaced(out, TABLE_NAME, "部分行");
        return out;
    }

    /**
     * Whether the row's values cannot be placed: values came where no row could take them in the row's block (the
     * rows between two block headers: each block is a table of its own) or, anywhere in the table, the row did not
     * fill up (the values it lacks may be those); or, where the text writes a cell per line, a row of its block did
     * not fill up (blank cells leave no trace there: its values may be those its neighbour took); or the row printed
     * nothing beside a row of its block that printed some values but not all (they may be this row's).
     */
    private static boolean unplaced(Walker walker, CollectedRow row, boolean cellPerLine, java.util.Set<Integer> shortBlocks,
            java.util.Set<Integer> tracelessBlocks) {
        return walker.hasOrphans() && (walker.orphanBlocks.contains(row.block) || row.slots() < row.width)
                || cellPerLine && shortBlocks.contains(row.block)
                || row.cells.isEmpty() && tracelessBlocks.contains(row.block);
    }

    /**
     * The rows of the blocks whose values the text places though they are not on their labels' lines (reading order:
     * a row's values before its label), by key: see {@link DisclosureBlockPlacement}.
     */
    private static Map<String, Cell[]> placeBlocks(List<Line> lines, int from, int to, Walker walker, String layout) {
        List<String> template = java.util.Arrays.stream(DisclosureItem.values())
                .filter(item -> !fields(item, layout).isEmpty()).map(DisclosureItem::key).toList();
        return DisclosureBlockPlacement.place(lines, from, to, template, walker::width, walker::classify);
    }

    static List<String> fields(DisclosureItem item, String layout) {
        return layout.equals("2019") ? item.fields2019() : item.fields2021();
    }

    private static String label(DisclosureItem item, String layout) {
        return item == DisclosureItem.NORMATIVE_DOCUMENTS && layout.equals("2019") ? "规范性文件" : item.label();
    }

    private static int count(String compact, List<String> markers) {
        int n = 0;
        for (String m : markers) {
            if (compact.contains(m)) {
                n++;
            }
        }
        return n;
    }

    private static String unitOf(CollectedRow row, RowResolver.Resolved resolved, int column) {
        int line = resolved.provenance()[column].line();
        String raw = resolved.provenance()[column].rawText();
        for (Cell c : row.cells) {
            if (c.line() == line && c.raw().equals(raw) && c.unit() != null) {
                return c.unit();
            }
        }
        return null;
    }

    /** The unit of 采购总金额 printed in the 2019 header, e.g. "采购总金额（万元）". */
    private static String headerUnit(List<Line> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            String c = lines.get(i).compact();
            int at = c.indexOf("采购总金额");
            if (at >= 0) {
                String rest = c.substring(at + 5, Math.min(c.length(), at + 12));
                if (rest.contains("万元")) {
                    return "万元";
                }
                if (rest.contains("元")) {
                    return "元";
                }
            }
        }
        return null;
    }

    /** Row labels of table 二, matched on their distinctive words. */
    private static final class Walker extends LabelledTableWalker {
        private final String layout;

        Walker(String layout, boolean ocr) {
            this.layout = layout;
            this.ocr = ocr;
        }

        @Override
        Map<String, String> templateLabels() {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (DisclosureItem item : DisclosureItem.values()) {
                if (!fields(item, layout).isEmpty()) {
                    out.put(item.key(), TextNormalizer.compact(label(item, layout)));
                }
            }
            return out;
        }


        /**
         * In OCR'd text, places the rows whose labels name none by their words by the template's row order; the
         * lines to walk (a line whose label OCR lost and whose row is placed is given a stand-in label).
         */
        List<Line> place(List<Line> lines, int from, int to) {
            if (!ocr) {
                return lines;
            }
            Walker words = new Walker(layout, false);
            placed = OcrRowAlignment.place(lines, from, to, templateLabels(), label -> {
                Classification c = words.classify(label);
                return c.kind() == Kind.ROW ? c.key() : null;
            });
            return OcrRowAlignment.withLostLabels(lines, placed);
        }

        @Override
        Classification classifyByWords(LabelItem label) {
            String c = label.compact();
            if (c.isEmpty() || c.length() > 40 || label.squeezed().indexOf('。') >= 0) {
                return Classification.CONTINUATION;
            }
            if (c.startsWith("第二十条") || c.startsWith("信息内容")) {
                return Classification.GROUP;
            }
            DisclosureItem item = match(c);
            return item == null ? Classification.CONTINUATION : Classification.row(item.key());
        }

        private static DisclosureItem match(String c) {
            if (c.contains("规范性文件")) {
                return DisclosureItem.NORMATIVE_DOCUMENTS;
            }
            if (c.contains("对外管理服务")) {
                return DisclosureItem.OTHER_MANAGEMENT_SERVICES;
            }
            if (c.contains("行政许可")) {
                return DisclosureItem.LICENSING;
            }
            if (c.contains("行政处罚")) {
                return DisclosureItem.PUNISHMENT;
            }
            if (c.contains("行政强制")) {
                return DisclosureItem.ENFORCEMENT;
            }
            if (c.contains("事业性收费")) {
                return DisclosureItem.FEES;
            }
            if (c.contains("集中采购")) {
                return DisclosureItem.CENTRALIZED_PROCUREMENT;
            }
            if (c.contains("规章") && c.length() <= 12) {
                return DisclosureItem.RULES;
            }
            return null;
        }

        @Override
        int width(String key) {
            for (DisclosureItem item : DisclosureItem.values()) {
                if (item.key().equals(key)) {
                    int n = fields(item, layout).size();
                    return n == 0 ? fields(item, "2019").size() : n;
                }
            }
            return 1;
        }
    }
}
