package io.gongkai.reader.formats.render;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.ReviewGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;

/**
 * Fills the official Word layout (the State Council's 2021 format as a Word file: three tables, the six headings and
 * "（文字描述）" placeholders) the way an agency does: a title, the narrative, and every cell of the three tables, from
 * a seed. The numbers satisfy the format's identities (R1-R4) except where the seed plants an error, and zeros are
 * written "0" or left blank as the seed says. The layout itself is not changed: which cell holds which value is
 * found from the template's own grid (table 二's labels, table 三's 25 data rows below its 3 header rows, table 四's
 * one data row).
 */
public final class OfficialLayoutFiller {

    /** How the seed writes its zeros. */
    public enum Zeros {
        WRITTEN(null), BLANK(""), SOME_BLANK(""), SLASH("/"), DASH("—"), NONE_WORD("无");

        /** What a zero left out is written as. */
        final String blank;

        Zeros(String blank) {
            this.blank = blank;
        }
    }

    /** The arithmetic error a seed plants, and the finding code the rule catalogue gives it. */
    public enum PlantedError {
        NONE(null),
        /** One row's 总计 is not the sum of its applicant columns (and so the 总计 column's （七）总计 is off too). */
        ROW_TOTAL("APPLICATIONS_TOTAL_COLUMN"),
        /** 新收 + 结转 ≠ 总计 + 结转下年 in the 自然人 column (the row's 总计 moves with it). */
        BALANCE("APPLICATIONS_BALANCE"),
        /** 行政复议's 总计 is not the sum of its four results. */
        REVIEW_TOTAL("REVIEW_TOTAL");

        public final String code;

        PlantedError(String code) {
            this.code = code;
        }
    }

    /** One filled report: its metadata, the text printed in each cell (by model path) and what the file is. */
    public record Filled(String agency, int year, Zeros zeros, PlantedError error, boolean landscapeReviews, boolean runningHead,
            int paragraphs,
            Map<String, String> printed, byte[] docx) {

        /** The value a reader must give for a cell: null where the cell was left blank or holds a blank marker. */
        public BigDecimal expected(String path) {
            String s = printed.get(path);
            return s == null || s.isEmpty() || !Character.isDigit(s.charAt(0)) ? null : new BigDecimal(s);
        }

        /** Whether some cell was left blank or written as a blank marker. */
        public boolean hasBlanks() {
            return printed.values().stream().anyMatch(s -> s.isEmpty() || !Character.isDigit(s.charAt(0)));
        }
    }

    /**
     * One agency per seed, so that no two seeds are taken for renditions or years of one report: cross-report rules
     * (carry-over, in-force drift, renditions) then have nothing to compare in this corpus. 县 and 区 bodies are
     * county level, the rest city level; only a 市人民政府 makes 规章. None is an agency of the development corpus or
     * samples/, which share the store when both are scored on one running system. Names keep the length and kind
     * the seeds had when the list was 16 long and began with the corpus's agencies, so pages break where they did.
     */
    private static final String[] AGENCIES = {"修武县人民政府办公室", "平乡县人民政府办公室", "清河区人民政府", "蚌埠市人民政府",
        "宿迁市生态环境局", "南京市交通运输局", "徐州市人民政府办公室", "泰州市自然资源和规划局", "常州市人民政府", "盐城市卫生健康委员会",
        "连云港市人民政府办公室", "扬州市教育局", "镇江市人民政府", "无锡市市场监督管理局", "苏州市人民政府办公室", "南通市财政局",
        "沭阳县人民政府办公室", "金湖县人民政府办公室", "淮阴区人民政府", "宿迁市人民政府", "常州市生态环境局", "苏州市交通运输局",
        "盐城市人民政府办公室", "扬州市自然资源和规划局"};

    private OfficialLayoutFiller() {
    }

    public static Filled fill(Path template, int seed) throws IOException {
        Random random = new Random(seed * 7919L + 17);
        if (seed < 0 || seed >= AGENCIES.length) {
            throw new IllegalArgumentException("seeds 0.." + (AGENCIES.length - 1) + " have an agency each: " + seed);
        }
        String agency = AGENCIES[seed];
        int year = 2021 + seed % 4;
        Zeros zeros = Zeros.values()[seed % Zeros.values().length];
        PlantedError error = PlantedError.values()[(seed + seed / 6) % 4];
        // Narratives of different lengths put the page breaks at different rows of the tables.
        int paragraphs = random.nextInt(12);
        boolean landscape = seed % 4 == 3;
        boolean runningHead = seed % 5 == 1;
        // Only the State Council's departments, provinces and cities with districts make 规章 (立法法).
        Map<String, Long> values = numbers(random, error, agency.endsWith("市人民政府"));
        Map<String, String> printed = new LinkedHashMap<>();
        for (Map.Entry<String, Long> v : values.entrySet()) {
            printed.put(v.getKey(), v.getValue() == 0 && blank(zeros, random) ? zeros.blank : Long.toString(v.getValue()));
        }
        long fee = random.nextInt(3) == 0 ? 0 : random.nextInt(50000);
        String amount = fee == 0 ? "0" : BigDecimal.valueOf(fee, 4).stripTrailingZeros().toPlainString();
        printed.put("activeDisclosure.fees.amountTenThousandYuan", fee == 0 && blank(zeros, random) ? zeros.blank : amount);

        try (InputStream in = Files.newInputStream(template); XWPFDocument doc = new XWPFDocument(in);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            narrative(doc, agency, year, paragraphs, random);
            if (runningHead) {
                // Printed at the head of every page: between the two parts of a table split by a page break.
                doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun()
                        .setText(agency + year + "年政府信息公开工作年度报告");
            }
            if (landscape) {
                landscapeFromReviews(doc);
            }
            List<XWPFTable> tables = doc.getTables();
            disclosure(tables.get(0), printed);
            applications(tables.get(1), printed);
            reviews(tables.get(2), printed);
            doc.write(out);
            return new Filled(agency, year, zeros, error, landscape, runningHead, paragraphs, printed, out.toByteArray());
        }
    }

    private static boolean blank(Zeros zeros, Random random) {
        return zeros != Zeros.WRITTEN && (zeros != Zeros.SOME_BLANK || random.nextBoolean());
    }

    /** Every cell's number, consistent with R1-R4 but for the planted error. Table 二's fee amount is added by the caller. */
    private static Map<String, Long> numbers(Random random, PlantedError error, boolean makesRules) {
        Map<String, Long> v = new LinkedHashMap<>();
        for (String item : List.of("rules", "normativeDocuments")) {
            boolean none = item.equals("rules") && (!makesRules || random.nextBoolean());
            long issued = none ? 0 : random.nextInt(12);
            long repealed = none ? 0 : random.nextInt(4);
            long inForce = none ? 0 : issued + random.nextInt(60);
            v.put("activeDisclosure." + item + ".issued", issued);
            v.put("activeDisclosure." + item + ".repealed", repealed);
            v.put("activeDisclosure." + item + ".inForce", inForce);
        }
        for (String item : List.of("licensing", "punishment", "enforcement")) {
            v.put("activeDisclosure." + item + ".decisions", sparse(random, 3, 5000));
        }
        List<ApplicationRow> rows = ApplicationRow.rows(true);
        Map<ApplicationRow, long[]> table = new LinkedHashMap<>();
        for (ApplicationRow row : rows) {
            table.put(row, new long[ApplicantColumn.values().length]);
        }
        for (int c = 0; c < ApplicantColumn.APPLICANTS.size(); c++) {
            boolean used = c == 0 || random.nextInt(3) == 0;
            long total = 0;
            for (ApplicationRow row : rows) {
                if (row.role() == ApplicationRow.Role.OUTCOME) {
                    long n = used ? sparse(random, 2, c == 0 ? 60 : 8) : 0;
                    table.get(row)[c] = n;
                    total += n;
                }
            }
            long forward = used ? random.nextInt(4) : 0;
            long carried = used ? Math.min(total + forward, random.nextInt(5)) : 0;
            table.get(ApplicationRow.TOTAL_HANDLED)[c] = total;
            table.get(ApplicationRow.CARRIED_FORWARD)[c] = forward;
            table.get(ApplicationRow.CARRIED_OVER)[c] = carried;
            table.get(ApplicationRow.NEW_RECEIVED)[c] = total + forward - carried;
        }
        int totalColumn = ApplicantColumn.TOTAL.ordinal();
        for (long[] row : table.values()) {
            for (int c = 0; c < totalColumn; c++) {
                row[totalColumn] += row[c];
            }
        }
        if (error == PlantedError.ROW_TOTAL) {
            table.get(ApplicationRow.GRANTED)[totalColumn] += 1 + random.nextInt(3);
        } else if (error == PlantedError.BALANCE) {
            long k = 1 + random.nextInt(5);
            table.get(ApplicationRow.NEW_RECEIVED)[0] += k;
            table.get(ApplicationRow.NEW_RECEIVED)[totalColumn] += k;
        }
        for (Map.Entry<ApplicationRow, long[]> row : table.entrySet()) {
            for (ApplicantColumn column : ApplicantColumn.values()) {
                v.put("applications." + row.getKey().key() + "." + column.key(), row.getValue()[column.ordinal()]);
            }
        }
        for (ReviewGroup group : ReviewGroup.values()) {
            long sum = 0;
            for (ReviewGroup.Column column : ReviewGroup.Column.values()) {
                long n = column == ReviewGroup.Column.TOTAL ? sum : sparse(random, 2, 6);
                if (column == ReviewGroup.Column.TOTAL && group == ReviewGroup.REVIEW && error == PlantedError.REVIEW_TOTAL) {
                    n += 1 + random.nextInt(2);
                }
                sum += n;
                v.put("reviewsAndLawsuits." + group.key() + "." + column.key(), n);
            }
        }
        return v;
    }

    /** Zero in one of {@code odds} draws... otherwise a number below {@code max}: tables are mostly zeros. */
    private static long sparse(Random random, int odds, int max) {
        return random.nextInt(odds) == 0 ? random.nextInt(max) : 0;
    }

    /**
     * Title, and the text of sections 一, 五 and 六 in place of the template's "（文字描述）" notes. Each agency's text is
     * its own: work items, figures and topics drawn per seed, so two agencies share only the regulation's stock phrases
     * (as real reports do) and the cross-report COPIED_TEXT check has nothing to find. No sentence states a figure the
     * tables count (applications, reviews, rules issued), which the narrative check would compare.
     */
    private static void narrative(XWPFDocument doc, String agency, int year, int paragraphs, Random random) {
        List<String> texts = List.of(
                "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，" + agency + "编制本报告。报告中所列数据统计期限为"
                        + year + "年1月1日至12月31日。" + pick(OPENINGS, random).replace("{a}", agency),
                pick(PROBLEMS, random) + pick(PROBLEMS, random) + "下一步，" + pick(NEXT_STEPS, random) + pick(NEXT_STEPS, random),
                pick(OTHER_MATTERS, random).replace("{n}", Integer.toString(1 + random.nextInt(40))));
        int placeholder = 0;
        boolean titled = false;
        for (XWPFParagraph p : new ArrayList<>(doc.getParagraphs())) {
            String text = p.getText().strip();
            if (!titled && !text.isEmpty()) {
                setText(p, agency + year + "年政府信息公开工作年度报告");
                titled = true;
            } else if (text.startsWith("（文字描述") && placeholder < texts.size()) {
                setText(p, texts.get(placeholder++));
                if (placeholder == 1) {
                    XWPFParagraph at = p;
                    for (int i = 0; i < paragraphs; i++) {
                        XWPFParagraph more = doc.insertNewParagraph(nextCursor(at));
                        more.createRun().setText(SUBHEADS[i % SUBHEADS.length] + workItem(random) + workItem(random));
                        at = more;
                    }
                }
            }
        }
    }

    /** One sentence of what an agency did, with its own figures and topic. */
    private static String workItem(Random random) {
        return pick(WORK_ITEMS, random).replace("{t}", pick(TOPICS, random))
                .replace("{n}", Integer.toString(2 + random.nextInt(900)))
                .replace("{m}", Integer.toString(1 + random.nextInt(60)));
    }

    private static String pick(String[] choices, Random random) {
        return choices[random.nextInt(choices.length)];
    }

    private static final String[] OPENINGS = {
            "本年度，{a}认真贯彻落实政务公开工作要求，各项工作有序推进。",
            "一年来，{a}坚持以公开为常态、不公开为例外，持续深化政务公开。",
            "{a}把政务公开纳入年度重点工作，主要负责同志专题研究部署。",
            "本年度，{a}围绕中心工作，以群众需求为导向推进决策、执行、管理、服务、结果公开。"};
    private static final String[] WORK_ITEMS = {
            "全年通过门户网站主动公开政府信息{n}条，其中{t}领域信息{m}条。",
            "召开新闻发布会{m}场，就{t}等社会关注事项回应关切。",
            "组织政务公开专题培训{m}期，参训{n}人次。",
            "更新政府信息公开指南和目录{m}次，集中公开{t}相关文件。",
            "政务新媒体发布信息{n}条，开设{t}专栏。",
            "围绕{t}开展政策解读{m}篇，采用图解、视频等形式。",
            "邀请人大代表、政协委员和群众代表{m}人列席会议，听取{t}方面意见。",
            "对{t}领域公开内容开展自查{m}次，整改问题{m}个。",
            "在政务服务大厅设置查阅点{m}个，方便群众查阅{t}信息。",
            "梳理{t}事项清单，逐项明确公开主体和时限。",
            "完成历史文件清理{n}件，对{t}方面文件作出处理。",
            "全年办理网民留言{n}条，答复率百分之百。"};
    private static final String[] TOPICS = {"财政预决算", "重大建设项目", "公共资源配置", "生态环境", "教育", "医疗卫生",
            "乡村振兴", "安全生产", "食品药品监管", "住房保障", "就业创业", "养老服务", "征地拆迁", "税费减免", "市场监管"};
    private static final String[] PROBLEMS = {
            "一是政策解读的形式还比较单一。", "一是部分栏目更新不够及时。", "二是基层公开标准化规范化水平有待提升。",
            "二是依申请公开答复的规范性还需加强。", "三是工作人员业务能力参差不齐。", "三是公众参与的渠道还不够畅通。"};
    private static final String[] NEXT_STEPS = {
            "将进一步规范公开流程，加强业务培训。", "将加大政策解读力度，提高解读质量。", "将完善网站栏目，及时更新公开内容。",
            "将强化监督考核，把公开工作纳入绩效评价。", "将拓展公众参与渠道，增强政民互动实效。"};
    /** Section 六 reports the information-processing fee, as the format asks (FEE_NOT_REPORTED checks it). */
    private static final String[] OTHER_MATTERS = {
            "本年度未收取信息处理费。无其他需要报告的事项。",
            "本单位本年度未按《政府信息公开信息处理费管理办法》收取信息处理费。本年度办理人大代表建议和政协提案{n}件，均已按期办结并公开答复。",
            "本年度未收取信息处理费，无其他需要报告的事项。",
            "本年度未收取信息处理费。落实上级年度政务公开工作要点情况已在本单位网站专栏公开，共{n}项，均已完成。"};

    private static final String[] SUBHEADS = {"（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"};

    private static org.apache.xmlbeans.XmlCursor nextCursor(XWPFParagraph p) {
        org.apache.xmlbeans.XmlCursor cursor = p.getCTP().newCursor();
        cursor.toEndToken();
        cursor.toNextToken();
        return cursor;
    }

    /**
     * Table 四 and what follows on landscape pages, as publishers print a wide table: a section break (the
     * document's portrait page) ends the paragraph before heading 四, and the last section turns landscape.
     */
    private static void landscapeFromReviews(XWPFDocument doc) {
        var body = doc.getDocument().getBody();
        var last = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        XWPFParagraph before = null;
        for (XWPFParagraph p : doc.getParagraphs()) {
            if (p.getText().strip().startsWith("四、")) {
                break;
            }
            before = p;
        }
        if (before == null) {
            return;
        }
        var ppr = before.getCTP().isSetPPr() ? before.getCTP().getPPr() : before.getCTP().addNewPPr();
        ppr.setSectPr((org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr) last.copy());
        var size = last.isSetPgSz() ? last.getPgSz() : last.addNewPgSz();
        Object w = size.isSetW() ? size.getW() : java.math.BigInteger.valueOf(11906);
        Object h = size.isSetH() ? size.getH() : java.math.BigInteger.valueOf(16838);
        size.setW(h);
        size.setH(w);
        size.setOrient(org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation.LANDSCAPE);
    }

    private static void disclosure(XWPFTable table, Map<String, String> printed) {
        Map<String, String> items = Map.of("规章", "rules", "行政规范性文件", "normativeDocuments", "行政许可", "licensing",
                "行政处罚", "punishment", "行政强制", "enforcement", "行政事业性收费", "fees");
        for (var row : table.getRows()) {
            String item = items.get(row.getCell(0).getText().strip());
            if (item == null) {
                continue;
            }
            List<String> fields = switch (item) {
                case "rules", "normativeDocuments" -> List.of("issued", "repealed", "inForce");
                case "fees" -> List.of("amountTenThousandYuan");
                default -> List.of("decisions");
            };
            for (int i = 0; i < fields.size(); i++) {
                setText(row.getCell(1 + i), printed.get("activeDisclosure." + item + "." + fields.get(i)));
            }
        }
    }

    /** The 25 data rows follow the 3 header rows; each row's last seven cells are the applicant columns and 总计. */
    private static void applications(XWPFTable table, Map<String, String> printed) {
        List<ApplicationRow> rows = ApplicationRow.rows(true);
        for (int r = 0; r < rows.size(); r++) {
            List<XWPFTableCell> cells = table.getRow(3 + r).getTableCells();
            int first = cells.size() - ApplicantColumn.values().length;
            for (ApplicantColumn column : ApplicantColumn.values()) {
                setText(cells.get(first + column.ordinal()), printed.get("applications." + rows.get(r).key() + "." + column.key()));
            }
        }
    }

    private static void reviews(XWPFTable table, Map<String, String> printed) {
        List<XWPFTableCell> cells = table.getRow(table.getNumberOfRows() - 1).getTableCells();
        int i = 0;
        for (ReviewGroup group : ReviewGroup.values()) {
            for (ReviewGroup.Column column : ReviewGroup.Column.values()) {
                setText(cells.get(i++), printed.get("reviewsAndLawsuits." + group.key() + "." + column.key()));
            }
        }
    }

    private static void setText(XWPFTableCell cell, String text) {
        List<XWPFParagraph> paragraphs = new ArrayList<>(cell.getParagraphs());
        for (int i = paragraphs.size() - 1; i > 0; i--) {
            cell.removeParagraph(i);
        }
        setText(cell.getParagraphs().get(0), text);
    }

    /** Replaces a paragraph's runs by one run holding the text, keeping the paragraph's and first run's formatting. */
    private static void setText(XWPFParagraph p, String text) {
        List<XWPFRun> runs = p.getRuns();
        if (runs.isEmpty()) {
            p.createRun().setText(text);
            return;
        }
        runs.get(0).setText(text, 0);
        for (int i = runs.size() - 1; i > 0; i--) {
            p.removeRun(i);
        }
    }
}
