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
    }

    @Test
    void textWithoutFormFeedsIsUntouched() {
        assertEquals(List.of("a", "1", "b", "2"), blanked("a\n1\nb\n2"));
    }
}
