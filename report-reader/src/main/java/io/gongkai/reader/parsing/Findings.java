package io.gongkai.reader.parsing;

import io.gongkai.model.Finding;
import io.gongkai.model.Severity;
import java.util.List;

/** The two finding codes only the extractor can see. */
final class Findings {

    static final String TEMPLATE_DEVIATION = "TEMPLATE_DEVIATION";
    static final String UNREADABLE_TABLE = "UNREADABLE_TABLE";

    private Findings() {
    }

    static Finding deviation(List<String> paths, String message) {
        return new Finding(TEMPLATE_DEVIATION, Severity.info, paths, message);
    }

    static Finding unreadable(List<String> paths, String message) {
        return new Finding(UNREADABLE_TABLE, Severity.error, paths, message);
    }

    /** Adds UNREADABLE_TABLE for the table when some of its rows could not be told apart. */
    static void addUnreadable(TableOutput out, String tableName) {
        if (!out.unreadable.isEmpty()) {
            out.findings.add(unreadable(List.copyOf(out.unreadable), tableName + "中" + quoteAll(out.unreadableLabels)
                    + "的数字无法逐格区分（单元格连在一起或个数不符），相应数值留空，请人工核对原文。"));
        }
    }

    /** Adds UNREADABLE_TABLE for the cells whose values the text does not give on their rows' lines. */
    static void addUnplaced(TableOutput out, String tableName, String what) {
        if (!out.unplaced.isEmpty()) {
            out.findings.add(unreadable(List.copyOf(out.unplaced), tableName + what
                    + "的数字不在其行标签所在的行上（文本按阅读顺序或逐列导出，数字与行标签分离），无法确定各数字所属的单元格，"
                    + "相应数值留空，请人工核对原文或提交原始文件。"));
        }
    }

    static String quoteAll(List<String> labels) {
        StringBuilder b = new StringBuilder();
        for (String l : labels) {
            if (b.length() > 0) {
                b.append('、');
            }
            b.append('“').append(l.isEmpty() ? "数据行" : l).append('”');
        }
        return b.toString();
    }
}
