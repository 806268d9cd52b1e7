package io.gongkai.reader.parsing;

import java.util.ArrayList;
import java.util.List;

/** One line of the input as printed, with its 1-based number and the normal forms used for matching. */
final class Line {

    final int number;
    final String raw;
    /** {@link TextNormalizer#squeeze}, computed when first asked: narrative lines mostly never are. */
    private String squeezed;
    private String compact;

    Line(int number, String raw) {
        this.number = number;
        this.raw = raw;
    }

    /** {@link TextNormalizer#squeeze}: NFKC, no whitespace, no markdown marks. */
    String squeezed() {
        if (squeezed == null) {
            squeezed = TextNormalizer.squeeze(raw);
        }
        return squeezed;
    }

    /** {@link TextNormalizer#compact}: letters and digits only. */
    String compact() {
        if (compact == null) {
            compact = TextNormalizer.compact(squeezed());
        }
        return compact;
    }

    boolean isBlank() {
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (TextNormalizer.isIdeograph(ch) || ch >= '0' && ch <= '9') {
                return false; // an ideograph or a digit survives squeezing
            }
        }
        return squeezed().isEmpty();
    }

    /** Splits on \n, \r\n and \r, so that line numbers match what an editor shows. */
    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>(Math.max(16, text.length() / 40));
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\r') {
                lines.add(new Line(lines.size() + 1, text.substring(start, i)));
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(new Line(lines.size() + 1, text.substring(start)));
        return lines;
    }
}
