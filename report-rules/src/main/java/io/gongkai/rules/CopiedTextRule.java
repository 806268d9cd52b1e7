package io.gongkai.rules;

import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import io.gongkai.model.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * 内容雷同 (the 2021 notice names it among the faults to be held to account): the narrative of sections 一 and 五
 * largely the same text as the same agency's previous report or another agency's report of the same year. Candidates
 * come from the store by LSH band key; the best match at or above the configured similarity is named. Never between
 * renditions of one report (same agency and year), nor when either agency is unknown: then who copied whom is not known.
 */
public final class CopiedTextRule extends HistoryRule {

    public static final String CODE = "COPIED_TEXT";
    private final RuleSettings settings;

    public CopiedTextRule(RuleSettings settings) {
        super(CODE, Severity.warning, "第一、五部分的文字与本机关上一年度报告或同年度其他机关报告大量相同（内容雷同）",
                List.of("sections[1].text", "sections[5].text", "agency", "year"));
        this.settings = settings;
    }

    @Override
    public List<Finding> check(Report report, ReportHistory history) {
        NarrativeSignature signature = history.signatureOf(report);
        if (signature == null || report.year() == null) {
            return List.of();
        }
        AgencyKey me = settings.agencies().key(report.agency());
        if (me.full().isEmpty()) {
            return List.of();
        }
        int year = report.year();
        Optional<Match> best = history.narrativesSharingABand(signature).stream()
                .filter(c -> c.year() != null && c.agencyKey() != null && c.agencyKey().full() != null && !c.agencyKey().full().isEmpty())
                .filter(c -> c.agencyKey().sameAgency(me) ? c.year() == year - 1 : c.year() == year)
                .map(c -> new Match(c, signature.similarity(c.signature())))
                .filter(m -> m.similarity >= settings.copiedTextSimilarity())
                .max(Comparator.comparingDouble(Match::similarity).thenComparing(m -> m.candidate.documentId()));
        if (best.isEmpty()) {
            return List.of();
        }
        NarrativeCandidate c = best.get().candidate;
        String whose = c.agencyKey().sameAgency(me) ? "本机关上一年度报告" : "同年度其他机关的报告";
        String message = "第一、五部分的文字与" + whose + "（" + c.agency() + " " + c.year() + " 年度，文档 " + c.documentId() + "）约 "
                + String.format(Locale.ROOT, "%.0f", best.get().similarity * 100) + "% 相同（内容雷同）";
        return List.of(new Finding(CODE, severity(), List.of("sections.1", "sections.5", c.documentId() + "#sections.1"), message));
    }

    private record Match(NarrativeCandidate candidate, double similarity) {
    }
}
