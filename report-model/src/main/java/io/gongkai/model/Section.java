package io.gongkai.model;

/**
 * One of the six sections of the report as found in the document.
 *
 * @param number    1..6 for 一..六
 * @param heading   the heading as printed
 * @param startLine 1-based first line (the heading)
 * @param endLine   1-based last line
 * @param text      the section's text without the heading (narrative sections; tables keep their raw text)
 */
public record Section(int number, String heading, int startLine, int endLine, String text) {

    /** The six headings as the 2021 format prints them (国办公开办函〔2021〕30号), section 1 first. */
    public static final java.util.List<String> HEADINGS = java.util.List.of("一、总体情况", "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
}
