package io.gongkai.rules;

import static io.gongkai.rules.Narrative.containsAny;

import io.gongkai.model.ApplicantColumn;
import io.gongkai.model.ApplicationRow;
import io.gongkai.model.CellPath;
import io.gongkai.model.DisclosureField;
import io.gongkai.model.DisclosureItem;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * X3: a figure that section 一 states for something the tables count must equal the table. A figure is linked to a
 * table value only where the clause clearly names the same thing (受理…申请 N 件, 结转到下一年 N 件, 行政复议 N 件,
 * 其中结果维持 N 件 …); anything vaguer is left alone, because a false alarm costs a checker more than a miss.
 * Where the text may count the same thing in two ways (受理 = 新收, or 新收 + 上年结转), either is accepted.
 */
public final class NarrativeMismatchRule extends BaseRule {

    public static final String CODE = "NARRATIVE_MISMATCH";
    static final String SECTION_PATH = "sections.1";

    /** A table value a clause can speak of: what to call it, and the sums of cells the stated figure may equal. */
    private record Link(String what, List<List<String>> alternatives) {
        Set<String> paths() {
            Set<String> all = new LinkedHashSet<>();
            alternatives.forEach(all::addAll);
            return all;
        }
    }

    private static final Link RECEIVED = new Link(totalOf(ApplicationRow.NEW_RECEIVED),
            List.of(List.of(total(ApplicationRow.NEW_RECEIVED)), List.of(total(ApplicationRow.NEW_RECEIVED), total(ApplicationRow.CARRIED_OVER))));
    private static final Link HANDLED = new Link(totalOf(ApplicationRow.TOTAL_HANDLED),
            List.of(List.of(total(ApplicationRow.TOTAL_HANDLED)), List.of(total(ApplicationRow.NEW_RECEIVED))));
    private static final Link CARRIED_OVER = new Link(totalOf(ApplicationRow.CARRIED_OVER), List.of(List.of(total(ApplicationRow.CARRIED_OVER))));
    private static final Link CARRIED_FORWARD = new Link(totalOf(ApplicationRow.CARRIED_FORWARD), List.of(List.of(total(ApplicationRow.CARRIED_FORWARD))));
    private static final Link GRANTED = new Link(totalOf(ApplicationRow.GRANTED), List.of(List.of(total(ApplicationRow.GRANTED))));
    private static final Link RULES_ISSUED = issued(DisclosureItem.RULES);
    private static final Link NORMATIVE_ISSUED = issued(DisclosureItem.NORMATIVE_DOCUMENTS);

    private static final String[] OUTCOME_WORDS = {"维持", "纠正", "其他结果", "尚未审结"};
    private static final ReviewGroup.Column[] OUTCOME_COLUMNS = {ReviewGroup.Column.UPHELD, ReviewGroup.Column.CORRECTED,
            ReviewGroup.Column.OTHER, ReviewGroup.Column.PENDING};

    public NarrativeMismatchRule() {
        super(CODE, Severity.warning, "第一部分文字中的数字（收到、办结、结转、予以公开的申请，行政复议、行政诉讼及其结果，制发的规章、规范性文件）与表格不一致",
                List.of("sections[1].text", "applications.{newReceived,carriedOver,totalHandled,carriedForward,granted}.total",
                        "reviewsAndLawsuits.*.*", "activeDisclosure.{rules,normativeDocuments}.issued"));
    }

    @Override
    public List<Finding> check(Report report) {
        List<Finding> findings = new ArrayList<>();
        for (Narrative.Sentence sentence : Narrative.sentences(Narrative.text(report, 1))) {
            String group = null; // 复议 or 诉讼: what "其中结果维持 N 件" in this sentence speaks of
            for (Narrative.Clause clause : sentence.clauses()) {
                String c = clause.text();
                if (c.contains("复议") && !c.contains("诉讼")) {
                    group = "review";
                } else if (c.contains("诉讼") && !c.contains("复议")) {
                    group = "lawsuit";
                }
                for (Narrative.Figure figure : clause.figures()) {
                    Link link = link(sentence.text(), figure, group);
                    if (link != null) {
                        compare(report, link, figure, sentence.text(), findings);
                    }
                }
            }
        }
        return findings;
    }

    /** What the figure speaks of, or null when that is not clear. */
    private static Link link(String sentence, Narrative.Figure figure, String group) {
        if (!figure.unit().equals("件") && !figure.unit().equals("起")) {
            return null;
        }
        String before = figure.before();
        String around = before + figure.after();
        boolean disclosureContext = sentence.contains("公开");
        if (containsAny(around, "结转", "顺延", "转入") && containsAny(around, "下年", "下一年", "明年", "次年")) {
            return sentence.contains("申请") ? CARRIED_FORWARD : null;
        }
        if (containsAny(before, "上年", "上一年", "去年") && before.contains("结转")) {
            return sentence.contains("申请") ? CARRIED_OVER : null;
        }
        if (disclosureContext && containsAny(before, "复议", "诉讼")) {
            boolean review = before.contains("复议");
            boolean lawsuit = before.contains("诉讼");
            if (review == lawsuit || before.contains("复议后")) {
                return null; // "行政复议和行政诉讼 N 件", "复议后起诉": not one cell
            }
            return review ? groupTotal("review") : groupTotal("lawsuit");
        }
        if (disclosureContext && group != null) {
            for (int i = 0; i < OUTCOME_WORDS.length; i++) {
                if (before.contains(OUTCOME_WORDS[i])) {
                    return outcome(group, i);
                }
            }
        }
        if (!sentence.contains("申请") || containsAny(before, "咨询", "热线", "信箱", "留言", "网络", "信函", "当面", "现场", "邮件", "传真")) {
            return legislation(before);
        }
        if (containsAny(before, "受理", "收到", "新收", "接收", "共收") && containsAny(before, "公开申请", "依申请", "申请公开")
                && !containsAny(before, "办结", "答复", "结转")) {
            return RECEIVED;
        }
        if (containsAny(before, "办结", "答复", "办理完毕", "处理完毕") && !containsAny(before, "受理", "收到", "率")) {
            return HANDLED;
        }
        if (containsAny(before, "予以公开", "同意公开", "全部公开") && !before.contains("部分")) {
            return GRANTED;
        }
        return legislation(before);
    }

    private static Link legislation(String before) {
        boolean made = containsAny(before, "制定", "制发", "出台", "印发", "新增", "发布", "公布");
        if (!made || containsAny(before, "废止", "清理", "修订", "备案", "审查", "审核", "解读", "政策性")) {
            return null;
        }
        if (before.endsWith("规章")) {
            return RULES_ISSUED;
        }
        if (before.endsWith("规范性文件")) {
            return NORMATIVE_ISSUED;
        }
        return null;
    }

    private static Link groupTotal(String group) {
        return reviewLink(group, ReviewGroup.Column.TOTAL);
    }

    private static Link outcome(String group, int i) {
        return reviewLink(group, OUTCOME_COLUMNS[i]);
    }

    /** 行政复议's cell, or the two lawsuit groups' cells added up (a narrative speaks of 行政诉讼 as one). */
    private static Link reviewLink(String group, ReviewGroup.Column column) {
        return group.equals(ReviewGroup.REVIEW.key())
                ? new Link(Cells.describe(Cells.review(ReviewGroup.REVIEW, column)), List.of(List.of(Cells.review(ReviewGroup.REVIEW, column))))
                : new Link("表四 行政诉讼 " + column.label() + "（直接起诉 + 复议后起诉）",
                        List.of(List.of(Cells.review(ReviewGroup.LAWSUIT_DIRECT, column), Cells.review(ReviewGroup.LAWSUIT_AFTER_REVIEW, column))));
    }

    /** The 总计 column of a row of table 三. */
    private static String total(ApplicationRow row) {
        return Cells.applications(row, ApplicantColumn.TOTAL);
    }

    /** "表三 （七）总计（总计）". */
    private static String totalOf(ApplicationRow row) {
        return "表三 " + row.label() + "（" + ApplicantColumn.TOTAL.label() + "）";
    }

    private static Link issued(DisclosureItem item) {
        String path = CellPath.disclosure(item, DisclosureField.ISSUED.key()).format();
        return new Link(Cells.describe(path), List.of(List.of(path)));
    }

    private void compare(Report report, Link link, Narrative.Figure figure, String sentence, List<Finding> findings) {
        BigDecimal first = null;
        for (List<String> alternative : link.alternatives()) {
            List<BigDecimal> values = Cells.valuesOrNull(report, alternative);
            if (values == null) {
                return; // a blank cell: MISSING_VALUE speaks of it
            }
            BigDecimal sum = Cells.sum(values);
            if (sum.compareTo(figure.value()) == 0) {
                return;
            }
            if (first == null) {
                first = sum;
            }
        }
        List<String> paths = new ArrayList<>(link.paths());
        paths.add(SECTION_PATH);
        String message = "第一部分写道" + Narrative.quote(sentence) + "，其中 " + Cells.format(figure.value()) + " " + figure.unit()
                + " 与" + link.what() + " " + Cells.format(first) + " 不符";
        findings.add(new Finding(CODE, severity(), paths, message));
    }
}
