package io.gongkai.reader.parsing;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.Report;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads table 三 (收到和处理政府信息公开申请情况): 25 rows (2021) or 23 (2019) of seven columns. Rows are
 * found by their labels' distinctive words, never by position; group cells (（三）不予公开 …) only give
 * context, and 2019's single （六）其他处理 row is told from 2021's group by whether values follow it.
 */
final class ApplicationsTableReader {

    private static final String TABLE_NAME = "表三（收到和处理政府信息公开申请情况）";
    private static final List<String> FIELDS = java.util.Arrays.stream(ApplicantColumn.values()).map(ApplicantColumn::key).toList();

    /** Distinctive words of each row label, in compact form (letters and digits only). */
    private static final Map<ApplicationRow, List<String>> FRAGMENTS = new EnumMap<>(ApplicationRow.class);
    /** The template wording of each row without numbering, compared with the printed label. */
    private static final Map<ApplicationRow, String> TEMPLATE = new EnumMap<>(ApplicationRow.class);

    static {
        fragments(ApplicationRow.NEW_RECEIVED, "本年新收政府信息公开申请数量", "本年新收", "新收政府信息公开申请");
        fragments(ApplicationRow.CARRIED_OVER, "上年结转政府信息公开申请数量", "上年结转");
        fragments(ApplicationRow.CARRIED_FORWARD, "结转下年度继续办理", "结转下年", "继续办理");
        fragments(ApplicationRow.GRANTED, "予以公开", "予以公开", "以公开");
        fragments(ApplicationRow.PARTIALLY_GRANTED, "部分公开", "部分公开", "区分处理", "只计这一情形");
        fragments(ApplicationRow.WITHHELD_STATE_SECRET, "属于国家秘密", "国家秘密");
        fragments(ApplicationRow.WITHHELD_PROHIBITED_BY_LAW, "其他法律行政法规禁止公开", "其他法律", "法规禁止", "禁止公开");
        fragments(ApplicationRow.WITHHELD_THREE_SAFETIES_ONE_STABILITY, "危及三安全一稳定", "三安全", "一稳定");
        fragments(ApplicationRow.WITHHELD_THIRD_PARTY_RIGHTS, "保护第三方合法权益", "第三方");
        fragments(ApplicationRow.WITHHELD_INTERNAL_AFFAIRS, "属于三类内部事务信息", "内部事务");
        fragments(ApplicationRow.WITHHELD_PROCESS_INFORMATION, "属于四类过程性信息", "过程性", "四类过程");
        fragments(ApplicationRow.WITHHELD_ENFORCEMENT_CASE_FILE, "属于行政执法案卷", "执法案卷");
        fragments(ApplicationRow.WITHHELD_ADMINISTRATIVE_QUERY, "属于行政查询事项", "行政查询", "查询事项");
        fragments(ApplicationRow.UNAVAILABLE_NOT_HELD, "本机关不掌握相关政府信息", "不掌握");
        fragments(ApplicationRow.UNAVAILABLE_NEEDS_CREATION, "没有现成信息需要另行制作", "另行制作", "没有现成");
        fragments(ApplicationRow.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION, "补正后申请内容仍不明确", "补正后", "仍不明确");
        fragments(ApplicationRow.NOT_PROCESSED_PETITION_COMPLAINT, "信访举报投诉类申请", "信访", "举报投诉");
        fragments(ApplicationRow.NOT_PROCESSED_DUPLICATE, "重复申请", "重复申请");
        fragments(ApplicationRow.NOT_PROCESSED_PUBLICATION, "要求提供公开出版物", "出版物");
        fragments(ApplicationRow.NOT_PROCESSED_EXCESSIVE_REPEATED, "无正当理由大量反复申请", "大量反复", "反复申请");
        fragments(ApplicationRow.NOT_PROCESSED_CONFIRMATION, "要求行政机关确认或重新出具已获取信息", "重新出具", "确认或重新");
        fragments(ApplicationRow.OTHER_OVERDUE_FEE, "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请",
                "收费通知", "缴纳费用", "逾期未按");
        fragments(ApplicationRow.OTHER_OVERDUE_CORRECTION, "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请",
                "逾期不补正", "申请人无正当理由");
        TEMPLATE.put(ApplicationRow.OTHER_OTHER, "其他");
        TEMPLATE.put(ApplicationRow.OTHER_HANDLING, "其他处理");
        TEMPLATE.put(ApplicationRow.TOTAL_HANDLED, "总计");
    }

    /** A fragment and its row, indexed by the fragment's first character: labels are matched on every line. */
    private record Fragment(String text, ApplicationRow row) {
    }

    private static final Map<Character, List<Fragment>> FRAGMENTS_BY_FIRST_CHAR = new java.util.HashMap<>();
    private static final java.util.BitSet FRAGMENT_FIRST_CHARS = new java.util.BitSet(0x10000);

    static {
        FRAGMENTS.forEach((row, texts) -> texts.forEach(t -> {
            FRAGMENTS_BY_FIRST_CHAR.computeIfAbsent(t.charAt(0), c -> new ArrayList<>()).add(new Fragment(t, row));
            FRAGMENT_FIRST_CHARS.set(t.charAt(0));
        }));
    }

    private static void fragments(ApplicationRow row, String template, String... fragments) {
        FRAGMENTS.put(row, List.of(fragments));
        TEMPLATE.put(row, template);
    }

    /** The group cells of 三、本年度办理结果, by their number: （三）不予公开 … （六）其他处理. */
    private static final String[] GROUP_NAMES = {null, null, null, "不予公开", "无法提供", "不予处理", "其他处理"};
    private static final String GROUP_NUMERALS = "〇一二三四五六七";
    private static final String RESULTS_GROUP = "本年度办理结果";
    private static final List<List<ApplicationRow>> GROUP_ROWS = List.of(List.of(), List.of(), List.of(),
            List.of(ApplicationRow.WITHHELD_STATE_SECRET, ApplicationRow.WITHHELD_PROHIBITED_BY_LAW,
                    ApplicationRow.WITHHELD_THREE_SAFETIES_ONE_STABILITY, ApplicationRow.WITHHELD_THIRD_PARTY_RIGHTS,
                    ApplicationRow.WITHHELD_INTERNAL_AFFAIRS, ApplicationRow.WITHHELD_PROCESS_INFORMATION,
                    ApplicationRow.WITHHELD_ENFORCEMENT_CASE_FILE, ApplicationRow.WITHHELD_ADMINISTRATIVE_QUERY),
            List.of(ApplicationRow.UNAVAILABLE_NOT_HELD, ApplicationRow.UNAVAILABLE_NEEDS_CREATION,
                    ApplicationRow.UNAVAILABLE_UNCLEAR_AFTER_CORRECTION),
            List.of(ApplicationRow.NOT_PROCESSED_PETITION_COMPLAINT, ApplicationRow.NOT_PROCESSED_DUPLICATE,
                    ApplicationRow.NOT_PROCESSED_PUBLICATION, ApplicationRow.NOT_PROCESSED_EXCESSIVE_REPEATED,
                    ApplicationRow.NOT_PROCESSED_CONFIRMATION),
            List.of(ApplicationRow.OTHER_OVERDUE_CORRECTION, ApplicationRow.OTHER_OVERDUE_FEE, ApplicationRow.OTHER_OTHER));

    private static final Pattern OTHER_OTHER = Pattern.compile("(?:3|三)?其他");
    private static final Pattern TOTAL = Pattern.compile("(七)?(?:总计|合计)");
    private static final Pattern SUB_NUMBER = Pattern.compile("(\\d)(\\D.*)");

    private ApplicationsTableReader() {
    }

    static TableOutput read(List<Line> lines, int from, int to, String fallbackLayout) {
        return read(lines, from, to, fallbackLayout, false);
    }

    /** @param ocr whether the text came from OCR (labels a character off then name their row) */
    static TableOutput read(List<Line> lines, int from, int to, String fallbackLayout, boolean ocr) {
        TableOutput out = new TableOutput(Report.APPLICATIONS);
        Walker walker = new Walker();
        walker.ocr = ocr;
        if (ocr) {
            walker.placed = Walker.placements(lines, from, to);
            lines = OcrRowAlignment.withLostLabels(lines, walker.placed);
        }
        walker.walk(lines, from, to);
        Map<String, CollectedRow> rows = walker.rows;
        boolean split = rows.containsKey(ApplicationRow.OTHER_OVERDUE_CORRECTION.key())
                || rows.containsKey(ApplicationRow.OTHER_OVERDUE_FEE.key())
                || rows.containsKey(ApplicationRow.OTHER_OTHER.key());
        // Values apart from their labels: （六）其他处理 printed with no row of its own under it is 2019's single row,
        // although no values followed its label.
        boolean single = rows.containsKey(ApplicationRow.OTHER_HANDLING.key()) || walker.hasOrphans() && !split
                && walker.provisionalSeen.contains(ApplicationRow.OTHER_HANDLING.key());
        out.found = rows.size() >= 3;
        if (!out.found && namesApplicants(lines, from, to)) {
            return readWithoutLabels(lines, from, to, fallbackLayout);
        }
        out.layoutFromLabels = split || single;
        String fallback = "2019".equals(fallbackLayout) ? "2019" : "2021";
        out.layout = !out.found ? null : split ? "2021" : single ? "2019" : fallback;
        boolean useSplit = out.layoutFromLabels ? split : fallback.equals("2021");
        // Values no row could take: the text does not keep each row's values with its label (a converter that writes
        // the table cell by cell in reading order, partly column by column). One grid, so no row can be trusted.
        // So is a row that did not fill up where the text writes a cell per line: its blank cells left no trace, and
        // its values may be those a neighbouring row took.
        boolean unplaced = out.found && (walker.hasOrphans() || walker.cellPerLine() && !walker.blocksWithShortRows().isEmpty());
        List<ApplicationRow> template = ApplicationRow.rows(useSplit);
        Cell[][] placed = unplaced ? placeByTemplateOrder(lines, from, to, template) : null;
        for (int t = 0; t < template.size(); t++) {
            ApplicationRow r = template.get(t);
            CollectedRow row = rows.get(r.key());
            if (placed != null) {
                out.put(r.key(), FIELDS, ReadingOrderPlacement.resolved(placed[t], row == null ? r.label() : row.rawLabel()),
                        row == null ? r.label() : row.rawLabel());
                continue;
            }
            // A row that printed nothing beside one that printed some values but not all: they may be this row's.
            if (unplaced || row != null && row.cells.isEmpty() && !walker.blocksWithTracelessShortRows().isEmpty()) {
                out.putUnplaced(r.key(), FIELDS, row);
                continue;
            }
            if (row == null && walker.strayValues > 0) {
                // Values no row took beside a label that named no row: they may be this row's, under a label
                // broken or worded beyond matching. Unread, and said so, never silently blank.
                out.putUnplaced(r.key(), FIELDS, null);
                continue;
            }
            if (row == null) {
                out.putAbsent(r.key(), FIELDS);
                if (out.found) {
                    out.findings.add(Findings.deviation(out.paths(r.key(), FIELDS),
                            TABLE_NAME + "中未找到“" + r.label() + "”一行。"));
                }
                continue;
            }
            out.put(r.key(), FIELDS, RowResolver.resolve(row), row.rawLabel());
            if (!TextNormalizer.containsInOrder(row.compactLabel(), TEMPLATE.get(r))) {
                out.findings.add(Findings.deviation(out.paths(r.key(), FIELDS),
                        TABLE_NAME + "中“" + r.label() + "”一行印作“" + row.rawLabel() + "”，与模板不同。"));
            }
        }
        if (split && single) {
            out.findings.add(Findings.deviation(out.paths(ApplicationRow.OTHER_OTHER.key(), FIELDS),
                    TABLE_NAME + "中“（六）其他处理”既有单独一行数字又分列了子项，按子项读取。"));
        }
        if (out.found) {
            checkHeader(out, walker.header.toString());
        }
        Findings.addUnreadable(out, TABLE_NAME);
        Findings.addUnplaced(out, TABLE_NAME, "");
        return out;
    }

    /**
     * The table's values placed row by row in the template's order, when the text lost them from their labels: kept
     * only where every identity of the table holds (R1: 本年新收 + 上年结转 = 总计 + 结转下年度 and R2: 总计 = the sum of
     * the results, per column; R3: each row's 总计 = the sum of its applicants), reading the values row by row or as
     * blocks of rows written column by column; else null. Labels are not consulted: reading order floats them a row or
     * more away from their values.
     */
    private static Cell[][] placeByTemplateOrder(List<Line> lines, int from, int to, List<ApplicationRow> template) {
        // A cell written "/", "—" or "-" is a token: it holds its place. A lone 无 may be a cell or a character of
        // 无法提供 written a character per line: both readings are tried, and one grid must come out of them.
        List<List<List<Cell>>> readings = new ArrayList<>();
        readings.add(ReadingOrderPlacement.valueRuns(lines, from, to));
        if (ReadingOrderPlacement.hasNoneWord(lines, from, to)) {
            readings.add(ReadingOrderPlacement.valueRuns(lines, from, to, ReadingOrderPlacement.NoneWord.CELL_BESIDE_VALUES));
            readings.add(ReadingOrderPlacement.valueRuns(lines, from, to, ReadingOrderPlacement.NoneWord.CELL));
        }
        return ReadingOrderPlacement.placeAnyReading(readings, template.size(), FIELDS.size(),
                v -> identitiesHold(v, template), ApplicationsTableReader::addsUp);
    }

    /**
     * The table under its heading where no row label was found (labels printed so narrow that a converter writes them a
     * character per line): its values placed by the template's order where the identities prove it, the number of
     * values telling 2021's 25 rows from 2019's 23; else, when values stand there, every cell null with
     * UNREADABLE_TABLE rather than a table silently missing.
     */
    private static TableOutput readWithoutLabels(List<Line> lines, int from, int to, String fallbackLayout) {
        TableOutput out = new TableOutput(Report.APPLICATIONS);
        for (boolean split : new boolean[] {true, false}) {
            List<ApplicationRow> template = ApplicationRow.rows(split);
            Cell[][] placed = placeByTemplateOrder(lines, from, to, template);
            if (placed != null) {
                out.found = true;
                out.layoutFromLabels = true;
                out.layout = split ? "2021" : "2019";
                for (int t = 0; t < template.size(); t++) {
                    String label = template.get(t).label();
                    out.put(template.get(t).key(), FIELDS, ReadingOrderPlacement.resolved(placed[t], label), label);
                }
                return out;
            }
        }
        if (ReadingOrderPlacement.numbersOnValueLines(lines, from, to) < 2 * FIELDS.size()) {
            return out; // not two rows' worth of values on lines of their own: no table found
        }
        out.found = true;
        out.layout = "2019".equals(fallbackLayout) ? "2019" : "2021";
        for (ApplicationRow r : ApplicationRow.rows(out.layout.equals("2021"))) {
            out.putUnplaced(r.key(), FIELDS, null);
        }
        Findings.addUnplaced(out, TABLE_NAME, "");
        return out;
    }

    /** Whether the lines name the table's applicant columns, however the converter broke them (a character per line). */
    private static boolean namesApplicants(List<Line> lines, int from, int to) {
        StringBuilder all = new StringBuilder();
        for (int i = from; i < to && all.length() < 2000; i++) {
            all.append(lines.get(i).compact());
        }
        String c = all.toString();
        return c.contains("申请人情况") || c.contains("自然人");
    }

    private static boolean identitiesHold(java.math.BigDecimal[][] v, List<ApplicationRow> template) {
        int total = template.indexOf(ApplicationRow.TOTAL_HANDLED);
        int forward = template.indexOf(ApplicationRow.CARRIED_FORWARD);
        int newReceived = template.indexOf(ApplicationRow.NEW_RECEIVED);
        int carriedOver = template.indexOf(ApplicationRow.CARRIED_OVER);
        int columns = FIELDS.size();
        for (int c = 0; c < columns; c++) {
            if (v[newReceived][c].add(v[carriedOver][c]).compareTo(v[total][c].add(v[forward][c])) != 0) {
                return false;
            }
            java.math.BigDecimal outcomes = java.math.BigDecimal.ZERO;
            for (int t = 0; t < template.size(); t++) {
                if (template.get(t).role() == ApplicationRow.Role.OUTCOME) {
                    outcomes = outcomes.add(v[t][c]);
                }
            }
            if (outcomes.compareTo(v[total][c]) != 0) {
                return false;
            }
        }
        for (java.math.BigDecimal[] row : v) {
            if (!addsUp(row)) {
                return false;
            }
        }
        return true;
    }

    /** R3: the row's 总计 is the sum of its applicants. */
    private static boolean addsUp(java.math.BigDecimal[] row) {
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (int c = 0; c < row.length - 1; c++) {
            sum = sum.add(row[c]);
        }
        return sum.compareTo(row[row.length - 1]) == 0;
    }

    /** Column headers differing from the template, e.g. 社会组织 for 社会公益组织. */
    private static void checkHeader(TableOutput out, String header) {
        if (!header.contains("自然人") && !header.contains("申请人")) {
            return;
        }
        for (ApplicantColumn column : ApplicantColumn.APPLICANTS) {
            if (column == ApplicantColumn.NATURAL_PERSON || column == ApplicantColumn.OTHER_ORG) {
                continue;
            }
            if (!header.contains(column.label())) {
                List<String> paths = new ArrayList<>();
                for (String row : out.rows.keySet()) {
                    paths.add(out.path(row, column.key()));
                }
                String printed = column == ApplicantColumn.PUBLIC_INTEREST_ORG && header.contains("社会组织")
                        ? "，表头印作“社会组织”" : "";
                out.findings.add(Findings.deviation(paths,
                        TABLE_NAME + "表头未见“" + column.label() + "”一列" + printed + "，与模板不同。"));
            }
        }
    }

    /** Row labels of table 三, with the group cell they stand under as context. */
    private static final class Walker extends LabelledTableWalker {
        private int group = -1;

        /** The leaf rows' template wording; not 其他处理, a group cell in the 2021 layout and a row in 2019's. */
        private static final Map<String, String> LEAF_LABELS = new java.util.LinkedHashMap<>();

        /**
         * The rows' wording in each layout's order, 2021's (其他处理 split in three) and 2019's (one row): the row
         * orders OCR'd labels are aligned to (a 2019 table's 其他处理 read as 其他处再 is that row, not 2021's 3.其他;
         * the row before it is then the only row between 4.无正当理由大量反复申请 and it).
         */
        private static final List<Map<String, String>> ORDERS = new ArrayList<>();

        static {
            TEMPLATE.forEach((row, label) -> {
                if (row != ApplicationRow.OTHER_HANDLING) {
                    LEAF_LABELS.put(row.key(), TextNormalizer.compact(label));
                }
            });
            for (boolean split : new boolean[] {true, false}) {
                Map<String, String> order = new java.util.LinkedHashMap<>();
                ApplicationRow.rows(split).forEach(row -> order.put(row.key(), TextNormalizer.compact(TEMPLATE.get(row))));
                ORDERS.add(order);
            }
        }


        @Override
        Map<String, String> templateLabels() {
            return LEAF_LABELS;
        }

        /** The OCR'd rows the alignment of the table's label sequence to the template's order places. */
        static Map<Integer, OcrRowAlignment.Placement> placements(List<Line> lines, int from, int to) {
            Walker words = new Walker();
            return OcrRowAlignment.place(lines, from, to, ORDERS, label -> {
                Classification c = words.classify(label);
                if (c.kind() == Kind.ROW) {
                    words.lastRowKey = c.key();
                }
                return c.kind() == Kind.ROW ? c.key() : null;
            });
        }

        @Override
        Classification classifyByWords(LabelItem label) {
            String c = label.compact();
            if (c.isEmpty() || c.length() > 80 || label.squeezed().indexOf('。') >= 0) {
                return Classification.CONTINUATION;
            }
            String rest = c;
            if (rest.startsWith("三" + RESULTS_GROUP) || rest.startsWith(RESULTS_GROUP)) {
                rest = rest.substring(rest.indexOf(RESULTS_GROUP) + RESULTS_GROUP.length());
                group = 0;
            }
            for (int g = 3; g <= 6; g++) {
                String name = GROUP_NAMES[g];
                String numbered = GROUP_NUMERALS.charAt(g) + name;
                if (rest.startsWith(numbered) || rest.startsWith(name)) {
                    rest = rest.substring(rest.startsWith(numbered) ? numbered.length() : name.length());
                    group = g;
                    break;
                }
            }
            if (rest.isEmpty()) {
                return groupCell();
            }
            ApplicationRow leaf = matchLeaf(rest);
            if (leaf != null) {
                return Classification.row(leaf.key());
            }
            if (OTHER_OTHER.matcher(rest).matches() && (group == 6 || isOtherSubRow(lastRowKey))) {
                return Classification.row(ApplicationRow.OTHER_OTHER.key());
            }
            Matcher total = TOTAL.matcher(rest);
            if (total.matches() && (total.group(1) != null || isOutcome(lastRowKey))) {
                return Classification.row(ApplicationRow.TOTAL_HANDLED.key());
            }
            // A group cell wrapped over lines: "（六）其" / "他处理", "三、本" / "年度办" / "理结果".
            if (rest.length() >= 2) {
                int g = GROUP_NUMERALS.indexOf(rest.charAt(0));
                String tail = rest.substring(1);
                if (g >= 3 && g <= 6 && GROUP_NAMES[g].startsWith(tail)) {
                    group = g;
                    return groupCell();
                }
                if (g == 3 && RESULTS_GROUP.startsWith(tail)) {
                    group = 0;
                    return Classification.GROUP;
                }
            }
            // A numbered item cut short by its values ("5.要求行政机关确认或 0 0 …"): the start of one row's wording.
            ApplicationRow cut = cutLeaf(rest);
            if (cut != null) {
                return Classification.row(cut.key());
            }
            // A numbered item whose wording matches nothing: its number under its group names it.
            Matcher sub = SUB_NUMBER.matcher(rest);
            if (sub.matches() && group >= 3 && sub.group(2).length() >= 2) {
                int n = sub.group(1).charAt(0) - '0';
                List<ApplicationRow> members = GROUP_ROWS.get(group);
                if (n >= 1 && n <= members.size()) {
                    return Classification.row(members.get(n - 1).key());
                }
            }
            return Classification.CONTINUATION;
        }

        private Classification groupCell() {
            return group == 6 ? Classification.group(ApplicationRow.OTHER_HANDLING.key()) : Classification.GROUP;
        }

        /** The first row, in template order, one of whose fragments the label contains. */
        private static ApplicationRow matchLeaf(String rest) {
            ApplicationRow best = null;
            for (int i = 0; i < rest.length(); i++) {
                char ch = rest.charAt(i);
                if (!FRAGMENT_FIRST_CHARS.get(ch)) {
                    continue;
                }
                List<Fragment> candidates = FRAGMENTS_BY_FIRST_CHAR.get(ch);
                if (candidates == null) {
                    continue;
                }
                for (Fragment f : candidates) {
                    if ((best == null || f.row().ordinal() < best.ordinal()) && rest.startsWith(f.text(), i)) {
                        best = f.row();
                    }
                }
            }
            return best;
        }

        /** Shortest start of a row's wording that names it: shorter ones ("属于", "申请人") start several. */
        private static final int MIN_CUT_LABEL = 4;

        /**
         * The row whose wording a numbered label ("5" and its words) starts, at least {@link #MIN_CUT_LABEL} characters
         * of it, when exactly one row's does: a label wrapped in a narrow cell whose values stand on its first line.
         */
        private static ApplicationRow cutLeaf(String rest) {
            int start = 0;
            while (start < rest.length() && Character.isDigit(rest.charAt(start))) {
                start++;
            }
            String words = rest.substring(start);
            if (start == 0 || start > 2 || words.length() < MIN_CUT_LABEL) {
                return null;
            }
            ApplicationRow only = null;
            for (Map.Entry<String, String> e : LEAF_LABELS.entrySet()) {
                if (e.getValue().startsWith(words)) {
                    if (only != null) {
                        return null;
                    }
                    only = ApplicationRow.byKey(e.getKey());
                }
            }
            return only;
        }

        private static boolean isOtherSubRow(String key) {
            return ApplicationRow.OTHER_OVERDUE_CORRECTION.key().equals(key) || ApplicationRow.OTHER_OVERDUE_FEE.key().equals(key);
        }

        private static boolean isOutcome(String key) {
            ApplicationRow row = key == null ? null : ApplicationRow.byKey(key);
            return row != null && row.role() == ApplicationRow.Role.OUTCOME;
        }

        @Override
        int width(String key) {
            return FIELDS.size();
        }
    }
}
