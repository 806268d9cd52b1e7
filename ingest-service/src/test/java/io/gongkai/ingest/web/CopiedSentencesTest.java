package io.gongkai.ingest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gongkai.model.Report;
import io.gongkai.model.Section;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopiedSentencesTest {

    private static Report withSections(String one, String five) {
        return new Report("某县人民政府", 2023, "county", null, "2021", Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                List.of(new Section(1, "一、总体情况", 1, 2, one), new Section(5, "五、存在的主要问题及改进情况", 3, 4, five)), List.of());
    }

    @Test
    void theSentencesBothReportsHaveAreSharedWhateverTheirLayoutAndShortOnesAreNot() {
        Report earlier = withSections("本机关认真贯彻落实《条例》，不断提升政务公开质量。今年收到申请 5 件。",
                "一是公开内容不够全面。无。");
        Report later = withSections("本机关认真贯彻落实《条例》，\n不断提升政务公开质量。今年收到申请 9 件。",
                "一是公开内容不够全面。无。二是解读形式较为单一，需进一步丰富。");

        assertEquals(List.of("本机关认真贯彻落实《条例》，不断提升政务公开质量。"), CopiedSentences.shared(later, earlier),
                "a line break is layout; \"无。\" and \"一是公开内容不够全面。\" (11 characters) say nothing; the counts differ");
    }

    @Test
    void theOtherDocumentIsThePathWithAHash() {
        assertEquals("abc", CopiedSentences.otherDocument(List.of("sections.1", "sections.5", "abc#sections.1")));
        assertNull(CopiedSentences.otherDocument(List.of("sections.1")));
    }
}
