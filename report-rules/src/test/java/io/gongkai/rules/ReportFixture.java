package io.gongkai.rules;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import io.gongkai.model.Region;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Section;
import io.gongkai.model.TemplateVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds reports for rule tests: every cell of the layout present and 0 (consistent), then changed cell by cell. */
final class ReportFixture {

    private final boolean layout2021;
    private final Map<String, Map<String, BigDecimal>> activeDisclosure = new LinkedHashMap<>();
    private final Map<String, Map<String, BigDecimal>> applications = new LinkedHashMap<>();
    private final Map<String, Map<String, BigDecimal>> reviews = new LinkedHashMap<>();
    private final Map<String, Provenance> provenance = new LinkedHashMap<>();
    private final List<Finding> extractionFindings = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private String agency = "测试县人民政府办公室";
    private Integer year;
    private String level = AdministrativeLevel.COUNTY;
    private LocalDate publishedOn;
    private String templateVersion;
    private Region region;

    private ReportFixture(boolean layout2021) {
        this.layout2021 = layout2021;
        for (DisclosureItem item : DisclosureItem.values()) {
            List<String> fields = layout2021 ? item.fields2021() : item.fields2019();
            if (!fields.isEmpty()) {
                Map<String, BigDecimal> row = new LinkedHashMap<>();
                fields.forEach(f -> row.put(f, BigDecimal.ZERO));
                activeDisclosure.put(item.key(), row);
            }
        }
        for (ApplicationRow r : ApplicationRow.rows(layout2021)) {
            Map<String, BigDecimal> row = new LinkedHashMap<>();
            for (ApplicantColumn c : ApplicantColumn.values()) {
                row.put(c.key(), BigDecimal.ZERO);
            }
            applications.put(r.key(), row);
        }
        for (ReviewGroup g : ReviewGroup.values()) {
            Map<String, BigDecimal> row = new LinkedHashMap<>();
            for (ReviewGroup.Column c : ReviewGroup.Column.values()) {
                row.put(c.key(), BigDecimal.ZERO);
            }
            reviews.put(g.key(), row);
        }
    }

    /** All zeros, 国办公开办函〔2021〕30号 layout. */
    static ReportFixture zeros2021() {
        return new ReportFixture(true);
    }

    /** All zeros, 〔2019〕60号 layout (single （六）其他处理 row, 2019 表二 fields), a 2020 report. */
    static ReportFixture zeros2019() {
        return new ReportFixture(false);
    }

    /** A consistent report with numbers in several columns, rows and groups (every identity holds). */
    static ReportFixture typical(boolean layout2021) {
        ReportFixture f = new ReportFixture(layout2021);
        ApplicationRow other = layout2021 ? ApplicationRow.OTHER_OVERDUE_CORRECTION : ApplicationRow.OTHER_HANDLING;
        ApplicantColumn np = ApplicantColumn.NATURAL_PERSON;
        ApplicantColumn ce = ApplicantColumn.COMMERCIAL_ENTERPRISE;
        f.addApplications(ApplicationRow.NEW_RECEIVED, np, 28).addApplications(ApplicationRow.CARRIED_OVER, np, 2)
                .addApplications(ApplicationRow.GRANTED, np, 20).addApplications(ApplicationRow.PARTIALLY_GRANTED, np, 3)
                .addApplications(ApplicationRow.UNAVAILABLE_NOT_HELD, np, 4).addApplications(other, np, 1)
                .addApplications(ApplicationRow.TOTAL_HANDLED, np, 28).addApplications(ApplicationRow.CARRIED_FORWARD, np, 2);
        f.addApplications(ApplicationRow.NEW_RECEIVED, ce, 3).addApplications(ApplicationRow.GRANTED, ce, 3)
                .addApplications(ApplicationRow.TOTAL_HANDLED, ce, 3);
        f.set("reviewsAndLawsuits.review.upheld", 2).set("reviewsAndLawsuits.review.corrected", 1)
                .set("reviewsAndLawsuits.review.pending", 1).set("reviewsAndLawsuits.review.total", 4);
        f.set("reviewsAndLawsuits.lawsuitDirect.upheld", 3).set("reviewsAndLawsuits.lawsuitDirect.total", 3);
        if (layout2021) {
            f.set("activeDisclosure.normativeDocuments.issued", 6).set("activeDisclosure.normativeDocuments.inForce", 40)
                    .set("activeDisclosure.fees.amountTenThousandYuan", new BigDecimal("12.35"));
        } else {
            f.set("activeDisclosure.licensing.change", -2).set("activeDisclosure.centralizedProcurement.amount",
                    new BigDecimal("310.5"));
        }
        return f;
    }

    /** Adds n to a 表三 cell and to the 总计 cell of its row, keeping R3 true. */
    ReportFixture addApplications(ApplicationRow row, ApplicantColumn column, int n) {
        Map<String, BigDecimal> cells = applications.get(row.key());
        cells.merge(column.key(), BigDecimal.valueOf(n), BigDecimal::add);
        cells.merge(ApplicantColumn.TOTAL.key(), BigDecimal.valueOf(n), BigDecimal::add);
        return this;
    }

    /** Sets a cell: a Number, a BigDecimal, or null for a blank. Creates the row when absent. */
    ReportFixture set(String path, Object value) {
        String[] p = path.split("\\.");
        BigDecimal v = value == null ? null : value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        table(p[0]).computeIfAbsent(p[1], k -> new LinkedHashMap<>()).put(p[2], v);
        return this;
    }

    /** Records the cell's text as printed. */
    ReportFixture raw(String path, String rawText) {
        provenance.put(path, new Provenance(1, 10, 0, null, rawText));
        return this;
    }

    /** A blank cell (null value) printed as {@code rawText}. */
    ReportFixture blank(String path, String rawText) {
        return set(path, null).raw(path, rawText);
    }

    ReportFixture removeRow(String table, String row) {
        table(table).remove(row);
        return this;
    }

    ReportFixture removeCell(String path) {
        String[] p = path.split("\\.");
        table(p[0]).get(p[1]).remove(p[2]);
        return this;
    }

    ReportFixture extractionFinding(Finding finding) {
        extractionFindings.add(finding);
        return this;
    }

    ReportFixture agency(String name) {
        this.agency = name;
        return this;
    }

    ReportFixture region(String code, String province, String city, String county) {
        this.region = new Region(code, province, city, county, null);
        return this;
    }

    ReportFixture year(int year) {
        this.year = year;
        return this;
    }

    ReportFixture level(String level) {
        this.level = level;
        return this;
    }

    ReportFixture publishedOn(String isoDate) {
        this.publishedOn = LocalDate.parse(isoDate);
        return this;
    }

    ReportFixture templateVersion(String version) {
        this.templateVersion = version;
        return this;
    }

    /** Section n (1..6) with this text. */
    ReportFixture section(int n, String text) {
        sections.removeIf(s -> s.number() == n);
        sections.add(new Section(n, "一二三四五六".charAt(n - 1) + "、", 1, 1, text));
        sections.sort(java.util.Comparator.comparingInt(Section::number));
        return this;
    }

    /** All six sections, with short neutral text. */
    ReportFixture allSections() {
        for (int n = 1; n <= 6; n++) {
            section(n, "本部分内容。");
        }
        return this;
    }

    /** Every cell that is 0 now left blank (printed as nothing), as tables that only print non-zero numbers are. */
    ReportFixture zerosBlank() {
        for (String name : List.of(Report.ACTIVE_DISCLOSURE, Report.APPLICATIONS, Report.REVIEWS_AND_LAWSUITS)) {
            table(name).forEach((row, fields) -> fields.forEach((field, value) -> {
                if (value != null && value.signum() == 0) {
                    provenance.put(name + "." + row + "." + field, new Provenance(1, 10, 0, null, ""));
                }
            }));
            table(name).values().forEach(fields -> fields.replaceAll((field, value) -> value != null && value.signum() == 0 ? null : value));
        }
        return this;
    }

    Report build() {
        return new Report(agency, year != null ? year : layout2021 ? 2023 : 2020, level, publishedOn,
                templateVersion != null ? templateVersion : layout2021 ? TemplateVersion.V2021 : TemplateVersion.V2019,
                copy(activeDisclosure), copy(applications), copy(reviews), new LinkedHashMap<>(provenance), Map.of(),
                List.copyOf(sections), List.copyOf(extractionFindings), region, null);
    }

    private Map<String, Map<String, BigDecimal>> table(String name) {
        return switch (name) {
            case Report.ACTIVE_DISCLOSURE -> activeDisclosure;
            case Report.APPLICATIONS -> applications;
            case Report.REVIEWS_AND_LAWSUITS -> reviews;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Map<String, Map<String, BigDecimal>> copy(Map<String, Map<String, BigDecimal>> table) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        table.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
        return out;
    }
}
