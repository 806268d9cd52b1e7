package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * "共 N 条，其中 a 条、b 条、c 条" whose parts do not add up to N. A list after 其中 may name only some of the
 * parts, so a shortfall counts only when the list closes with 其他/其余 (then it claims to be complete); parts
 * exceeding the whole are always wrong.
 */
public final class NarrativeSumRule extends BaseRule {

    public static final String CODE = "NARRATIVE_SUM";
    private static final int[] SECTIONS = {1, 5, 6};

    public NarrativeSumRule() {
        super(CODE, Severity.warning, "文字中“共 N …，其中 a …、b …”各分项之和与总数不符", List.of("sections[1,5,6].text"));
    }

    @Override
    public List<Finding> check(Report report) {
        List<Finding> findings = new ArrayList<>();
        for (int section : SECTIONS) {
            for (Narrative.Sentence sentence : Narrative.sentences(Narrative.text(report, section))) {
                check(section, sentence, findings);
            }
        }
        return findings;
    }

    private void check(int section, Narrative.Sentence sentence, List<Finding> findings) {
        List<Narrative.Clause> clauses = sentence.clauses();
        for (int i = 0; i < clauses.size(); i++) {
            Narrative.Figure whole = total(clauses.get(i));
            if (whole == null) {
                continue;
            }
            int j = i + 1;
            if (j < clauses.size() && clauses.get(j).text().equals("其中")) {
                j++; // "其中，当面申请 1 件"
            } else if (j >= clauses.size() || !clauses.get(j).text().startsWith("其中")) {
                continue;
            }
            List<Narrative.Figure> parts = new ArrayList<>();
            for (int k = j; k < clauses.size(); k++) {
                Narrative.Clause clause = clauses.get(k);
                if (k > j && (clause.text().contains("其中") || clause.text().contains("共"))) {
                    break; // a second list, or a new whole
                }
                if (clause.figures().size() != 1 || !clause.figures().get(0).unit().equals(whole.unit())) {
                    if (clause.figures().isEmpty()) {
                        continue;
                    }
                    parts.clear(); // mixed units or several figures in one clause: not a plain list
                    break;
                }
                parts.add(clause.figures().get(0));
            }
            if (parts.size() < 2) {
                continue;
            }
            BigDecimal sum = Cells.sum(parts.stream().map(Narrative.Figure::value).toList());
            boolean claimsComplete = Narrative.containsAny(parts.get(parts.size() - 1).before(), "其他", "其余", "其它");
            int cmp = sum.compareTo(whole.value());
            if (cmp > 0 || (cmp < 0 && claimsComplete)) {
                List<String> terms = parts.stream().map(p -> Cells.format(p.value())).toList();
                String message = "第" + "一二三四五六".charAt(section - 1) + "部分写道" + Narrative.quote(sentence.text()) + "：分项 "
                        + String.join(" + ", terms) + " = " + Cells.format(sum) + " " + whole.unit() + "，与所写总数 "
                        + Cells.format(whole.value()) + " " + whole.unit() + " 不符";
                findings.add(new Finding(CODE, severity(), List.of("sections." + section), message));
            }
        }
    }

    /** The clause's figure when the clause states a whole: 共 / 共计 / 合计 / 总计 / 累计 before it. */
    private static Narrative.Figure total(Narrative.Clause clause) {
        if (clause.figures().size() != 1) {
            return null;
        }
        Narrative.Figure f = clause.figures().get(0);
        return Narrative.containsAny(f.before(), "共", "合计", "总计", "累计") ? f : null;
    }
}
