package io.gongkai.reader.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Page numbers of form-feed paged converter text are blanked where the pages agree on them, and nothing else is. */
class PageFoliosTest {

    private static List<String> blanked(String text) {
        return PageFolios.blanked(Line.split(text)).stream().map(l -> l.raw.replace("\f", "")).toList();
    }

    @Test
    void pageNumbersAtEachPagesFootAreBlanked() {
        assertEquals(List.of("规章 1 0 11", "", "行政许可 550", "", "", ""),
                blanked("规章 1 0 11\n- 1 -\n\f行政许可 550\n\n- 2 -\n\f"));
        assertEquals(List.of("a 1", "", "b 2", "", ""), blanked("a 1\n1\n\fb 2\n2\n\f"));
        assertEquals(List.of("", "a 1", "", "b 2", ""), blanked("第 1 页\na 1\n\f第2页 共2页\nb 2\n\f"),
                "at the head too");
        assertEquals(List.of("a", "", "b", "", ""), blanked("a\n1/2\n\fb\n2/2\n\f"));
    }

    @Test
    void aNumberTheOtherPagesDoNotAgreeWithStays() {
        // A table's value last on its page: the next page ends in a value that is no page number after it.
        assertEquals(List.of("规章", "6", "行政许可", "550", ""), blanked("规章\n6\n\f行政许可\n550\n\f"));
        assertEquals(List.of("text 5", "7", ""), blanked("text 5\n7\n\f"), "one page: nothing to agree with");
        // A table's 0 closing page 1 and another opening page 2 (LibreOffice's PDF through pdftotext): the same page's
        // foot and head agree on nothing, and no page is numbered 0.
        assertEquals(List.of("规章", "0", "0", "行政许可", ""), blanked("规章\n0\n\f0\n行政许可\n\f"));
        assertEquals(List.of("a", "0", "b", "0", "c", ""), blanked("a\n0\n\fb\n0\n\fc\n\f"), "0 is no page number");
        assertEquals(List.of("a", "2", "b", "2", "c", ""), blanked("a\n\f2\nb\n2\n\fc\n\f"),
                "a page's head and foot reading the same number are no sequence of pages");
    }

    @Test
    void textWithoutFormFeedsIsUntouched() {
        assertEquals(List.of("a", "1", "b", "2"), blanked("a\n1\nb\n2"));
    }
}
