package io.gongkai.extract.parsing;

import io.gongkai.model.Report;

/** Reads the report model out of the plain text of a 政府信息公开工作年度报告. */
public final class ReportTextParser {

    /**
     * @throws NotAReportException when the text is empty or is not an annual report
     */
    public Report parse(String text) {
        throw new UnsupportedOperationException("not yet written");
    }
}
