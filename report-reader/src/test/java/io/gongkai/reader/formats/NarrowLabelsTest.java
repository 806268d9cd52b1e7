package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.reader.formats.render.DocxRenderer;
import io.gongkai.reader.formats.render.HtmlRenderer;
import io.gongkai.reader.formats.render.RenderedReport;
import io.gongkai.reader.formats.render.RenderedReport.Block;
import io.gongkai.reader.formats.render.RenderedReport.Table;
import io.gongkai.reader.formats.render.RenderedReport.TableCell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Narrow label columns: every row label justified with spaces between its characters and wrapped over
 * several lines inside its cell ("1. 属 于 国 家 秘" / "密"), as a web page (&lt;br&gt;) and a Word file
 * (a paragraph per line). Every row is found and every cell read.
 */
class NarrowLabelsTest {

    private final ReportReader reader = new ReportReader(null, 500);

    @ParameterizedTest
    @MethodSource("io.gongkai.reader.formats.RenderingsTest#seeds")
    void wrappedJustifiedLabelsReadAsTheirRows(String seed) throws IOException {
        RenderedReport doc = withNarrowLabels(RenderingsTest.rendered(seed));
        ExpectedReport expected = ExpectedReport.load(ExpectedReport.SAMPLES, seed);
        for (byte[] bytes : List.of(HtmlRenderer.render(doc, StandardCharsets.UTF_8), DocxRenderer.render(doc))) {
            ReportReader.Result read = reader.read(bytes);
            List<String> wrong = expected.differences(read.report());
            assertTrue(wrong.isEmpty(), seed + " as " + read.type() + " differs:\n" + String.join("\n", wrong));
        }
    }

    @org.junit.jupiter.api.Test
    void aLabelIsJustifiedAndWrapped() {
        assertEquals("1. 属 于 国\n家 秘 密", justified("1.属于国家秘密"));
    }

    /** The report with the labels of its data rows justified and wrapped every five characters. */
    static RenderedReport withNarrowLabels(RenderedReport doc) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : doc.blocks()) {
            if (b instanceof Table t) {
                List<List<TableCell>> rows = new ArrayList<>();
                for (List<TableCell> row : t.rows()) {
                    boolean data = row.stream().anyMatch(c -> isNumber(c.text()));
                    rows.add(!data ? row : row.stream().map(c -> c.text().isEmpty() || isNumber(c.text()) ? c
                            : new TableCell(justified(c.text()), c.rowSpan(), c.colSpan())).toList());
                }
                blocks.add(new Table(rows, t.columnWidths()));
            } else {
                blocks.add(b);
            }
        }
        return new RenderedReport(blocks);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9' || ch == '.');
    }

    /** A space between characters next to an ideograph; a line break after every fifth character. */
    static String justified(String label) {
        StringBuilder b = new StringBuilder();
        int count = 0;
        for (int i = 0; i < label.length(); i++) {
            char ch = label.charAt(i);
            if (i > 0) {
                if (count % 5 == 0) {
                    b.append('\n');
                } else if (Character.isIdeographic(ch) || Character.isIdeographic(label.charAt(i - 1))) {
                    b.append(' ');
                }
            }
            b.append(ch);
            count++;
        }
        return b.toString();
    }
}
