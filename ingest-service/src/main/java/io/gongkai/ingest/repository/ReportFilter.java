package io.gongkai.ingest.repository;

import io.gongkai.model.AdministrativeLevel;
import io.gongkai.model.TemplateVersion;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import io.gongkai.model.events.DocumentStatus;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the workbench's list, problem list and exports are filtered by. Every value is checked here against what it
 * can be, so that nothing a browser sends reaches a MongoDB query other than as a literal.
 *
 * @param agency     part of the agency's name (matched literally, case-insensitive), or null
 * @param year       the year reported on, or null
 * @param status     a {@link DocumentStatus} name, or null
 * @param level      an administrative level (spec/report-model.md), or null
 * @param hasErrors  only reports with at least one error finding
 * @param hasWarnings only reports with at least one warning finding
 * @param template   a template version, or null
 * @param failed     the failed documents (their own tab) rather than the others
 * @param region     a division's code as GB/T 2260 writes it (410000, 410700, 410724, or a township's nine digits):
 *                   reports placed in that division or under it; or null
 * @param late       only reports published after the legal deadline (a LATE_PUBLICATION finding)
 * @param copied     only reports whose text was found copied (a COPIED_TEXT finding)
 */
public record ReportFilter(String agency, Integer year, String status, String level, boolean hasErrors, boolean hasWarnings,
        String template, boolean failed, String region, boolean late, boolean copied) {

    private static final Pattern CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");

    public static final Set<String> LEVELS = Set.of(AdministrativeLevel.NATIONAL, AdministrativeLevel.PROVINCE,
            AdministrativeLevel.CITY, AdministrativeLevel.COUNTY, AdministrativeLevel.TOWNSHIP, AdministrativeLevel.UNKNOWN);
    public static final Set<String> TEMPLATES = Set.of(TemplateVersion.V2021, TemplateVersion.V2019, TemplateVersion.MIXED,
            TemplateVersion.PRE2019);

    public ReportFilter {
        agency = blankToNull(agency);
        if (agency != null && agency.length() > 100) {
            throw new IllegalArgumentException("机关名称检索词不能超过 100 个字符。");
        }
        if (year != null && (year < 1990 || year > 2100)) {
            throw new IllegalArgumentException("年度须在 1990 到 2100 之间。");
        }
        status = blankToNull(status);
        if (status != null) {
            try {
                status = DocumentStatus.valueOf(status.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("状态只能是 RECEIVED、EXTRACTED、VALIDATED 或 FAILED。");
            }
        }
        level = blankToNull(level);
        if (level != null && !LEVELS.contains(level)) {
            throw new IllegalArgumentException("层级只能是 " + String.join("、", LEVELS) + "。");
        }
        template = blankToNull(template);
        if (template != null && !TEMPLATES.contains(template)) {
            throw new IllegalArgumentException("模板只能是 2021、2019、mixed 或 pre2019。");
        }
        region = blankToNull(region);
        if (region != null) {
            Division division = CODE.matcher(region).matches() ? Divisions.get().byAnyCode(region) : null;
            if (division == null) {
                throw new IllegalArgumentException("区划代码须为区划名单中的代码（如 410000、410700、410724）。");
            }
            region = division.gbCode();
        }
    }

    /** The same filter on another region (null: everywhere). */
    public ReportFilter inRegion(String code) {
        return new ReportFilter(agency, year, status, level, hasErrors, hasWarnings, template, failed, code, late, copied);
    }

    public static ReportFilter none() {
        return new ReportFilter(null, null, null, null, false, false, null, false, null, false, false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
