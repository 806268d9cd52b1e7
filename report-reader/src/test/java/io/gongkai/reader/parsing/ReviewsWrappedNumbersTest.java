package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Report;
import io.gongkai.model.ReviewGroup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Table 四 printed with cells so narrow that a number wraps ({@code 10} as {@code 1} over {@code 0}): pdftotext in
 * reading order writes the first part among the row's values and the rest after them, a value too many. The row is
 * read where exactly one joining makes every group add up (R4), else it stays UNREADABLE_TABLE, never shifted.
 */
class ReviewsWrappedNumbersTest {

    private static final String SEED = "000_f8a12ae11966356f";
    private static final String ROW = "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0";

    /** The seed's text with table 四's data row printed a value per line as {@code printed}. */
    private static Report withRowPrinted(long... printed) throws Exception {
        String text = ReportTextParserTest.text(SEED);
        assertTrue(text.contains(ROW), "the seed prints table 四's row on one line");
        StringBuilder b = new StringBuilder();
        for (long v : printed) {
            b.append(v).append("\n\n");
        }
        return new ReportTextParser().parse(text.replace(ROW, b.toString().strip()));
    }

    private static Report withRowPrintedAs(String printed) throws Exception {
        String text = ReportTextParserTest.text(SEED);
        assertTrue(text.contains(ROW), "the seed prints table 四's row on one line");
        return new ReportTextParser().parse(text.replace(ROW, printed));
    }

    private static List<BigDecimal> read(Report report) {
        List<BigDecimal> out = new ArrayList<>();
        for (ReviewGroup g : ReviewGroup.values()) {
            for (ReviewGroup.Column c : ReviewGroup.Column.values()) {
                out.add(report.reviewsAndLawsuits().get(g.key()).get(c.key()));
            }
        }
        return out;
    }

    private static List<BigDecimal> values(long... v) {
        return java.util.Arrays.stream(v).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void aWrappedTotalIsJoinedWhereOnlyOneJoiningAddsUp() throws Exception {
        // 4 + 6 = 10, the 10 wrapped: "1" in its place, its "0" after the row.
        Report report = withRowPrinted(4, 6, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0);
        assertEquals(values(4, 6, 0, 0, 10, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2), read(report));
        assertEquals(List.of(), ReadingOrderPlacementTest.unreadable(report));
        assertEquals("10", report.provenance().get("reviewsAndLawsuits.review.total").rawText());
    }

    @Test
    void chromiumsNarrowCellsAreRead() throws Exception {
        // Headless Chromium's print of the row 4 6 0 0 10 | 0 … with every data cell a character wide, through pdftotext.
        Report report = withRowPrintedAs("4 6 0 0\n\n1\n0 0 0 0 0 0 0 0 0 0\n0\n");
        assertEquals(values(4, 6, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), read(report));
    }

    @Test
    void theFirstPartsOfCentredCellsComeFirst() throws Exception {
        // Cells centred vertically: the tall cell's first line stands above the row's other values.
        Report report = withRowPrinted(1, 4, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertEquals(values(4, 6, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), read(report));
    }

    @Test
    void twoWrappedNumbersAreJoined() throws Exception {
        // 15 = 15 in the lawsuits after review: "1" and "1" in their places, "5" and "5" after the row.
        Report report = withRowPrinted(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 5, 5);
        assertEquals(values(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 15, 0, 0, 0, 15), read(report));
    }

    @Test
    void aRowThatAddsUpTwoWaysPlacesNothing() throws Exception {
        // 12 + 1 = 13 or 1 + 12 = 13: which result wrapped is not known.
        Report report = withRowPrinted(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 2, 3);
        assertTrue(read(report).stream().allMatch(v -> v == null), read(report).toString());
        assertTrue(ReadingOrderPlacementTest.unreadable(report).contains("reviewsAndLawsuits.lawsuitAfterReview.upheld"));
    }

    @Test
    void aValueTooManyThatNoJoiningMakesAddUpPlacesNothing() throws Exception {
        Report report = withRowPrinted(1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertTrue(read(report).stream().allMatch(v -> v == null), read(report).toString());
        assertTrue(ReadingOrderPlacementTest.unreadable(report).contains("reviewsAndLawsuits.review.total"));
    }
}
