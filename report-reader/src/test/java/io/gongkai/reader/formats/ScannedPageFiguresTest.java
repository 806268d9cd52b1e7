package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** How a scanned cell's several readings of a figure become one: {@link ScannedPage#likeliestFigure} and its helpers. */
class ScannedPageFiguresTest {

    @Test
    void theFigureTwoReadingsAgreeOnStands() {
        assertEquals("34", ScannedPage.likeliestFigure("34", "34", "3"));
        assertEquals("50", ScannedPage.likeliestFigure("50", "30", "50"), "grey and the first agree");
        assertEquals("21", ScannedPage.likeliestFigure("2", "21", "21"), "thresholded and the first agree over grey");
    }

    @Test
    void withoutAgreementGreyThenThresholdedThenTheFirst() {
        assertEquals("746", ScannedPage.likeliestFigure("746", "716", "7146"));
        assertEquals("716", ScannedPage.likeliestFigure(null, "716", "7146"));
        assertEquals("7146", ScannedPage.likeliestFigure(null, null, "7146"));
        assertNull(ScannedPage.likeliestFigure(null, null, null), "no reading is a figure: the cell stays no figure");
    }

    @Test
    void aDashBeforeAFigureIsNoMinus() {
        // A count is never negative: the dash is a border's remnant or a speck.
        assertEquals("2776", ScannedPage.number("-2776"));
        assertEquals("2776", ScannedPage.number("—2776"));
        assertNull(ScannedPage.number("-"), "a lone dash is no figure");
        assertEquals("96171.6", ScannedPage.number("96171.6"));
        assertEquals("0", ScannedPage.number(".0"));
    }

    @Test
    void aCropIsScaledToItsFiguresHeight() {
        BufferedImage crop = new BufferedImage(200, 100, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage half = ScannedPage.scaled(crop, 20, 10);
        assertEquals(100, half.getWidth());
        assertEquals(50, half.getHeight());
        assertEquals(crop, ScannedPage.scaled(crop, 0, 10), "a crop without a character is kept as is");
        assertEquals(40, ScannedPage.scaled(crop, 100, 10).getWidth(), "never below a fifth");
    }
}
