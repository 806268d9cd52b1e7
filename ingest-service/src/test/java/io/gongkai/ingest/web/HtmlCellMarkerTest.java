package io.gongkai.ingest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.model.Provenance;
import io.gongkai.reader.formats.DocumentType;
import io.gongkai.reader.formats.OcrEngine;
import io.gongkai.reader.formats.ReportReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A value's provenance (data table, row, grid column, all 1-based, as the reader counts them) finds its cell in the
 * HTML original: merged cells expanded, layout tables and tables that are no text not counted; the page stays escaped.
 */
class HtmlCellMarkerTest {

    /** A layout table around the report, a table inside noscript, then 表三's head with merged cells. */
    private static final String PAGE = """
            <html><head><meta charset="gbk"><title>2023年报</title><style>table{border:1px}</style></head><body>
            <noscript><table><tr><td>不是正文</td></tr></table></noscript>
            <table id="layout"><tr><td>
              <table><tr><td>一、总体情况</td></tr></table>
              <p>正文 &lt;script&gt;alert(1)&lt;/script&gt;</p>
              <table>
                <thead><tr><th rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>
                    <th colspan="3">申请人情况</th></tr></thead>
                <tbody>
                <tr><td rowspan="2">自然人</td><td colspan="2">法人或其他组织</td></tr>
                <tr><td>商业企业</td><td>科研机构</td></tr>
                <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>28</td><td>3</td><td>1</td></tr>
                <tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>2</td><td id="gongkai-cell">0</td><td>0</td></tr>
                </tbody>
              </table>
            </td></tr></table>
            <script>document.title='pwned'</script>
            </body></html>
            """;

    @Test
    void theCellOfTheProvenanceIsFoundThroughMergedCellsAndLayoutTables() {
        Document doc = Jsoup.parse(PAGE);
        // table 1 is the section heading's table (inside the layout table), table 2 表三
        assertEquals("一、总体情况", HtmlCellMarker.cell(doc, 1, 1, 1).text());
        assertEquals("28", HtmlCellMarker.cell(doc, 2, 4, 4).text());
        assertEquals("1", HtmlCellMarker.cell(doc, 2, 4, 6).text());
        assertEquals("2", HtmlCellMarker.cell(doc, 2, 5, 4).text());
        // a slot covered by a merged cell is that cell
        assertEquals("自然人", HtmlCellMarker.cell(doc, 2, 3, 4).text());
        assertEquals("二、上年结转政府信息公开申请数量", HtmlCellMarker.cell(doc, 2, 5, 2).text());
        assertNull(HtmlCellMarker.cell(doc, 3, 1, 1), "no third data table (the layout table and noscript's do not count)");
        assertNull(HtmlCellMarker.cell(doc, 2, 9, 1));
        assertNull(HtmlCellMarker.cell(doc, 2, 1, 500));
    }

    @Test
    void theMarkedPageCarriesTheAnchorOnceAndStaysEscaped() {
        String marked = HtmlCellMarker.marked(PAGE, 2, 5, 4);
        Document doc = Jsoup.parse(marked);
        Element cell = doc.getElementById(HtmlCellMarker.ANCHOR);
        assertEquals("2", cell.text());
        assertEquals(1, doc.select("[id=" + HtmlCellMarker.ANCHOR + "]").size(), "the page's own element with that id lost it");
        assertTrue(cell.attr("style").startsWith("outline:"));
        // the page's text is still text
        assertTrue(marked.contains("正文 &lt;script&gt;alert(1)&lt;/script&gt;"), marked);
        assertTrue(marked.contains("charset=\"UTF-8\"") || marked.contains("charset=UTF-8"), "re-declared as served");
        assertNull(HtmlCellMarker.marked(PAGE, 7, 1, 1));
    }

    @Test
    void hostileSpansAreBounded() {
        String page = "<table><tr><td rowspan=\"99999999\" colspan=\"99999\">x</td><td>y</td></tr><tr><td>z</td></tr></table>";
        assertEquals("x", HtmlCellMarker.cell(Jsoup.parse(page), 1, 1, 200).text());
        assertNull(HtmlCellMarker.cell(Jsoup.parse(page), 1, 1, 201));
        assertEquals("x", HtmlCellMarker.cell(Jsoup.parse(page), 1, 2, 1).text());
    }

    /**
     * The marker keeps its own copy of how report-reader's HtmlReader numbers tables, rows and grid columns (ingest does
     * not read documents): on a page an office suite wrote (its rows ragged, its labels in merged cells), every value
     * the reader read is in the cell the marker finds for its provenance.
     */
    @Test
    void theMarkerAndTheReaderAgreeOnEveryCellOfARealPage() throws Exception {
        byte[] page = Files.readAllBytes(Path.of("..", "e2e-tests", "src", "test", "resources", "workbench", "004_libreoffice.html"));
        ReportReader.Result read = new ReportReader(new OcrEngine("tesseract"), 10).read(page, DocumentType.HTML);
        Document doc = Jsoup.parse(new String(page, StandardCharsets.UTF_8));
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Provenance> value : read.report().provenance().entrySet()) {
            Provenance at = value.getValue();
            if (at.table() == null || at.row() == null || at.tableColumn() == null || at.rawText() == null) {
                continue;
            }
            Element cell = HtmlCellMarker.cell(doc, at.table(), at.row(), at.tableColumn());
            String found = cell == null ? null : cell.text().replaceAll("\\s+", "");
            if (!at.rawText().replaceAll("\\s+", "").equals(found)) {
                disagreements.add(value.getKey() + " read as '" + at.rawText() + "' at " + at + ", marker finds '" + found + "'");
            }
            checked++;
        }
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
        assertTrue(checked > 100, "the page's three tables give their cells' provenance: " + checked);
    }
}
