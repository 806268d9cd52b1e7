package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.StoredReport;
import java.util.List;

/** A text original shown as numbered lines, one of them marked (the line a value was read from). */
public record SourcePage(StoredReport document, List<Line> lines, Integer marked) {

    public record Line(int number, String text, boolean marked) {

        public String anchor() {
            return "L" + number;
        }
    }

    static SourcePage of(StoredReport document, String text, Integer marked) {
        String[] raw = text.split("\r\n|\r|\n", -1);
        List<Line> lines = new java.util.ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            lines.add(new Line(i + 1, raw[i], marked != null && marked == i + 1));
        }
        return new SourcePage(document, lines, marked);
    }
}
