package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Section;
import io.gongkai.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The six sections the format requires (条例 第五十条). Only judged when the extractor found the report's sections at
 * all; a table section whose table was read is there even if its heading was not recognised.
 */
public final class SectionMissingRule extends BaseRule {

    public static final String CODE = "SECTION_MISSING";
    private static final List<String> HEADINGS = Section.HEADINGS;

    public SectionMissingRule() {
        super(CODE, Severity.error, "年报缺少格式要求的六个部分之一", List.of("sections[*].number", "activeDisclosure", "applications",
                "reviewsAndLawsuits"));
    }

    @Override
    public List<Finding> check(Report report) {
        if (report.sections().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            if (report.section(n) != null || tableRead(report, n)) {
                continue;
            }
            findings.add(Finding.of(CODE, severity(), "年报缺少第" + "一二三四五六".charAt(n - 1) + "部分“" + HEADINGS.get(n - 1) + "”",
                    "sections." + n));
        }
        return findings;
    }

    private static boolean tableRead(Report report, int n) {
        return switch (n) {
            case 2 -> !report.activeDisclosure().isEmpty();
            case 3 -> !report.applications().isEmpty();
            case 4 -> !report.reviewsAndLawsuits().isEmpty();
            default -> false;
        };
    }
}
