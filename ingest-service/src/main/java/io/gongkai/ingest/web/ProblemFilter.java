package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.ReportFilter;
import java.util.regex.Pattern;

/**
 * The problem list's filter: the reports' filter, and optionally one severity and one finding code.
 *
 * @param severity error, warning or info, or null for all
 * @param code     a finding code such as APPLICATIONS_BALANCE, or null for all
 */
public record ProblemFilter(ReportFilter reports, String severity, String code) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");

    public ProblemFilter {
        severity = severity == null || severity.isBlank() ? null : severity.strip();
        if (severity != null && !Words.SEVERITIES.containsKey(severity)) {
            throw new IllegalArgumentException("严重程度只能是 error、warning 或 info。");
        }
        code = code == null || code.isBlank() ? null : code.strip();
        if (code != null && !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("问题代码只能由大写字母、数字和下划线组成，例如 APPLICATIONS_BALANCE。");
        }
    }
}
