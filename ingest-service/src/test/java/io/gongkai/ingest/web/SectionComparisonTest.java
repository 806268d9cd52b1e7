package io.gongkai.ingest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionComparisonTest {

    private static Section section(int number, String text) {
        return new Section(number, Section.HEADINGS.get(number - 1), 1, 2, text);
    }

    @Test
    void aSectionCarriedOverWordForWordIsUnchangedWhateverItsLineBreaksAndSpaces() {
        List<SectionComparison.SectionChange> changes = SectionComparison.compare(
                List.of(section(5, "一是公开内容不够全面。二是解读形式单一。\n下一步，我们将加强培训。")),
                List.of(section(5, "一是公开内容不够\n 全面。\n二是解读形式单一。下一步，我们将加强培训。")));
        assertEquals(1, changes.size(), "only the sections either year has");
        SectionComparison.SectionChange five = changes.get(0);
        assertEquals(5, five.number());
        assertTrue(five.unchanged());
        assertEquals(3, five.kept());
        assertEquals(100, five.keptShare());
    }

    @Test
    void theSentencesDroppedAndAddedAreNamedAndTheShareKeptCounted() {
        List<SectionComparison.SectionChange> changes = SectionComparison.compare(
                List.of(section(1, "2022年，我局主动公开信息120条；受理申请3件。"), section(6, "无。")),
                List.of(section(1, "2023年，我局主动公开信息150条；受理申请3件。新开设政策解读专栏。")));
        SectionComparison.SectionChange one = changes.get(0);
        assertEquals(List.of("2022年，我局主动公开信息120条；"), one.removed());
        assertEquals(List.of("2023年，我局主动公开信息150条；", "新开设政策解读专栏。"), one.added());
        assertEquals(1, one.kept());
        assertEquals(33, one.keptShare());
        SectionComparison.SectionChange six = changes.get(1);
        assertEquals(6, six.number());
        assertEquals(List.of("无。"), six.removed());
        assertTrue(six.added().isEmpty());
        assertNull(six.keptShare(), "the later year has no sentence in it");
    }
}
