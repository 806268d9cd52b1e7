package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.LevelYearCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Reports received per administrative level and report year, with how many have errors or warnings or failed. */
public record OverviewPage(List<Integer> years, List<Row> rows) {

    /** One level's counts, one per year of {@link #years} (null where it has none). */
    public record Row(String level, String label, List<LevelYearCount> counts) {
    }

    static OverviewPage of(List<LevelYearCount> counts) {
        List<Integer> years = counts.stream().map(LevelYearCount::year).distinct()
                .sorted(Comparator.nullsLast(Comparator.<Integer>reverseOrder())).toList();
        List<String> levels = new ArrayList<>(Words.LEVELS.keySet());
        levels.add(null);
        List<Row> rows = new ArrayList<>();
        for (String level : levels) {
            List<LevelYearCount> perYear = new ArrayList<>();
            boolean any = false;
            for (Integer year : years) {
                LevelYearCount found = counts.stream().filter(c -> Objects.equals(c.level(), level) && Objects.equals(c.year(), year))
                        .findFirst().orElse(null);
                any |= found != null;
                perYear.add(found);
            }
            if (any) {
                rows.add(new Row(level, level == null ? "未识别（含处理失败）" : Words.level(level), perYear));
            }
        }
        return new OverviewPage(years, rows);
    }

    public long total() {
        return rows.stream().flatMap(r -> r.counts().stream()).filter(Objects::nonNull).mapToLong(LevelYearCount::documents).sum();
    }
}
