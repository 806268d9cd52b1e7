package io.gongkai.reader.parsing;

import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import io.gongkai.model.TemplateVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads the report model out of the plain text of a 政府信息公开工作年度报告.
 *
 * <p>One linear pass per concern: sections are located by their headings, each table is read from its
 * section (or, when a heading is missing, from its own first line), rows are matched by their labels and
 * cells assigned without guessing; metadata comes from the title and the signature. Stateless and
 * thread-safe.
 */
public final class ReportTextParser {

    private static final String NOT_A_REPORT = "文档不是政府信息公开工作年度报告（未找到年度报告标题或统计表）: "
            + "not an annual report on government information disclosure (no report title or statistics tables found)";
    private static final String EMPTY = "文档为空，没有可读的文字: the document is empty (no readable text)";

    /**
     * @throws NotAReportException when the text is empty or is not an annual report
     */
    public Report parse(String text) {
        return parse(text, null);
    }

    /**
     * @param sourceUrl where the document was fetched from (X-Source-Url), or null: its gov.cn host is one piece of
     *                  evidence of who wrote the report
     * @throws NotAReportException when the text is empty or is not an annual report
     */
    public Report parse(String text, String sourceUrl) {
        return parse(text, sourceUrl, false);
    }

    /**
     * @param ocr whether the text came from OCR: a row label a character off the template's then names its row when
     *            exactly one row of the table is that close (never for a text layer, whose labels are as printed)
     * @throws NotAReportException when the text is empty or is not an annual report
     */
    public Report parse(String text, String sourceUrl, boolean ocr) {
        if (text == null || LineTokenizer.isBlank(text)) {
            throw new NotAReportException(EMPTY);
        }
        List<Line> lines = PageFolios.blanked(Line.split(text));
        List<SectionLocator.Heading> headings = SectionLocator.locate(lines);
        MetadataReader.Title title = MetadataReader.findTitle(lines);
        Integer year = MetadataReader.year(lines, title);
        String yearLayout = year != null && year <= 2020 ? "2019" : "2021";

        Regions regions = Regions.of(lines, headings);
        // Tables printed after the last section (an appendix, 附表) rather than in their sections: a table its
        // section does not hold is looked for there, by its own first line.
        Regions appendix = Regions.appendix(lines, headings);
        int appendixFrom = lines.size(); // where the first table read from the appendix starts
        int[] t3Region = regions.table3;
        TableOutput applications = t3Region == null ? absent(Report.APPLICATIONS)
                : ApplicationsTableReader.read(lines, t3Region[0], t3Region[1], yearLayout, ocr);
        if (!applications.found && appendix != null && appendix.table3 != null) {
            t3Region = appendix.table3;
            applications = ApplicationsTableReader.read(lines, t3Region[0], t3Region[1], yearLayout, ocr);
            appendixFrom = applications.found ? Math.min(appendixFrom, t3Region[0]) : appendixFrom;
        }
        String t2Layout = applications.layout != null ? applications.layout : yearLayout;
        TableOutput disclosure = regions.table2 == null ? absent(Report.ACTIVE_DISCLOSURE)
                : DisclosureTableReader.read(lines, regions.table2[0], regions.table2[1], t2Layout, ocr);
        if (!disclosure.found && appendix != null && appendix.table2 != null) {
            disclosure = DisclosureTableReader.read(lines, appendix.table2[0], appendix.table2[1], t2Layout, ocr);
            appendixFrom = disclosure.found ? Math.min(appendixFrom, appendix.table2[0]) : appendixFrom;
        }
        if (t3Region != null && applications.found && disclosure.layout != null
                && !applications.layoutFromLabels && !disclosure.layout.equals(applications.layout)) {
            // Table 三 showed neither form of （六）其他处理: follow table 二's layout rather than the year.
            applications = ApplicationsTableReader.read(lines, t3Region[0], t3Region[1], disclosure.layout, ocr);
        }
        TableOutput reviews = regions.table4 == null ? absent(Report.REVIEWS_AND_LAWSUITS)
                : ReviewsTableReader.read(lines, regions.table4[0], regions.table4[1]);
        if (!reviews.found && appendix != null && appendix.table4 != null) {
            reviews = ReviewsTableReader.read(lines, appendix.table4[0], appendix.table4[1]);
            appendixFrom = reviews.found ? Math.min(appendixFrom, appendix.table4[0]) : appendixFrom;
        }

        boolean anyTable = disclosure.found || applications.found || reviews.found;
        boolean report = (title != null && (headings.size() >= 2 || anyTable))
                || (applications.found && (disclosure.found || reviews.found))
                || (headings.size() >= 4 && (disclosure.found || applications.found));
        if (!report) {
            throw new NotAReportException(NOT_A_REPORT);
        }

        String t2 = disclosure.found ? disclosure.layout : null;
        String t3 = applications.found ? applications.layout : null;
        String version;
        if (t2 == null && t3 == null) {
            version = TemplateVersion.PRE2019;
        } else if (t2 == null || t3 == null || t2.equals(t3)) {
            version = t2 != null ? t2 : t3;
        } else {
            version = TemplateVersion.MIXED;
        }
        if (version.equals(TemplateVersion.PRE2019) && year != null && year >= 2019) {
            // A report of 2019 or later is in the national format whatever its text shows: tables that could not
            // be read (pictures, an attachment) are said to be missing below, not taken for the 2008 format.
            version = yearLayout;
        }

        Map<String, Provenance> provenance = new LinkedHashMap<>(512);
        Map<String, String> units = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> t2Rows = Map.of();
        Map<String, Map<String, BigDecimal>> t3Rows = Map.of();
        Map<String, Map<String, BigDecimal>> t4Rows = Map.of();
        if (!version.equals(TemplateVersion.PRE2019)) {
            for (TableOutput t : List.of(disclosure, applications, reviews)) {
                provenance.putAll(t.provenance);
                units.putAll(t.units);
                findings.addAll(t.findings);
            }
            for (TableOutput t : List.of(disclosure, applications, reviews)) {
                if (!t.found) {
                    findings.add(Findings.unreadable(List.of(t.table), TABLE_NAMES.get(t.table) + "未找到：报告中没有以文字给出的该表"
                            + "（可能以图片或附件发布），相应数值未读取，请人工核对原文或提交含表格文字的文件。"));
                }
            }
            t2Rows = disclosure.rows;
            t3Rows = applications.rows;
            t4Rows = reviews.rows;
        }

        AgencyResolver.Resolved agency = AgencyResolver.resolve(lines, title, sourceUrl);
        // The signature and its date close the report before an appendix of tables.
        LocalDate publishedOn = appendixFrom < lines.size() ? MetadataReader.publishedOn(lines.subList(0, appendixFrom), title) : null;
        if (publishedOn == null) {
            publishedOn = MetadataReader.publishedOn(lines, title);
        }
        List<Section> sections = SectionLocator.sections(lines, headings);
        return new Report(agency.agency(), year, agency.level(), publishedOn, version,
                t2Rows, t3Rows, t4Rows, provenance, units, sections, findings, agency.region(), agency.resolution());
    }

    private static final Map<String, String> TABLE_NAMES = Map.of(Report.ACTIVE_DISCLOSURE, "表二（主动公开政府信息情况）",
            Report.APPLICATIONS, "表三（收到和处理政府信息公开申请情况）", Report.REVIEWS_AND_LAWSUITS, "表四（政府信息公开行政复议、行政诉讼情况）");

    private static TableOutput absent(String table) {
        return new TableOutput(table);
    }

    /** The line ranges [from, to) of tables 二, 三 and 四, or null for a table not found. */
    private static final class Regions {
        /** A table's own first line, where no heading precedes it (compact text): 二's first group cell or header, … */
        static final Predicate<String> OPENS_TABLE2 = c -> (c.contains("第二十条第") || c.startsWith("信息内容")) && c.length() <= 30;
        static final Predicate<String> OPENS_TABLE3 = c -> c.length() <= 60
                && (c.contains("勾稽关系") || c.startsWith("申请人情况") || c.contains("本年新收政府信息公开申请"));
        static final Predicate<String> OPENS_TABLE4 = c -> c.contains("行政复议") && c.length() <= 30;
        int[] table2;
        int[] table3;
        int[] table4;

        static Regions of(List<Line> lines, List<SectionLocator.Heading> headings) {
            int[] heading = {-1, -1, -1, -1, -1, -1, -1};
            List<Integer> boundaries = new ArrayList<>();
            for (SectionLocator.Heading h : headings) {
                heading[h.number()] = h.index();
                boundaries.add(h.index());
            }
            // A table whose section heading is missing starts at its own first line (table 二: its first group
            // cell, or the header of its first block where OCR garbled the group cell: 二条入(一)项).
            int anchor2 = heading[2] >= 0 ? -1 : anchor(lines, 0, OPENS_TABLE2);
            int from3 = Math.max(0, Math.max(heading[2], anchor2));
            int anchor3 = heading[3] >= 0 ? -1 : anchor(lines, from3, OPENS_TABLE3);
            int from4 = Math.max(from3, Math.max(heading[3], anchor3));
            int anchor4 = heading[4] >= 0 ? -1 : anchor(lines, from4 + 1, OPENS_TABLE4);
            for (int a : new int[] {anchor2, anchor3, anchor4}) {
                if (a >= 0) {
                    boundaries.add(a);
                }
            }
            Regions r = new Regions();
            r.table2 = region(lines, heading[2], anchor2, boundaries);
            r.table3 = region(lines, heading[3], anchor3, boundaries);
            r.table4 = region(lines, heading[4], anchor4, boundaries);
            return r;
        }

        /**
         * The tables' regions after the last section heading, each from its own first line (as for a missing
         * heading) to the next one's; null when there are no headings or nothing follows them.
         */
        static Regions appendix(List<Line> lines, List<SectionLocator.Heading> headings) {
            int last = -1;
            for (SectionLocator.Heading h : headings) {
                last = Math.max(last, h.index());
            }
            if (last < 0 || last + 1 >= lines.size()) {
                return null;
            }
            int anchor2 = anchor(lines, last + 1, OPENS_TABLE2);
            int from3 = Math.max(last + 1, anchor2);
            int anchor3 = anchor(lines, from3, OPENS_TABLE3);
            int from4 = Math.max(from3, anchor3);
            int anchor4 = anchor(lines, from4 + 1, OPENS_TABLE4);
            List<Integer> boundaries = new ArrayList<>();
            for (int a : new int[] {anchor2, anchor3, anchor4}) {
                if (a >= 0) {
                    boundaries.add(a);
                }
            }
            Regions r = new Regions();
            r.table2 = region(lines, -1, anchor2, boundaries);
            r.table3 = region(lines, -1, anchor3, boundaries);
            r.table4 = region(lines, -1, anchor4, boundaries);
            return r;
        }

        private static int[] region(List<Line> lines, int heading, int anchor, List<Integer> boundaries) {
            int from;
            if (heading >= 0) {
                from = heading + 1;
            } else if (anchor >= 0) {
                from = anchor;
            } else {
                return null;
            }
            int to = lines.size();
            for (int b : boundaries) {
                if (b >= from && b != anchor && b < to) {
                    to = b;
                }
            }
            return new int[] {from, to};
        }

        private static int anchor(List<Line> lines, int from, Predicate<String> isStart) {
            for (int i = from; i < lines.size(); i++) {
                if (isStart.test(lines.get(i).compact())) {
                    return i;
                }
            }
            return -1;
        }
    }
}
