package io.gongkai.reader.parsing;

/** The document is readable but is not a 政府信息公开工作年度报告 (or is empty); the message says why, for users. */
public class NotAReportException extends RuntimeException {
    public NotAReportException(String message) {
        super(message);
    }
}
