package io.gongkai.reader.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Word 2003 XML tables whose vertical merges were dropped, as LibreOffice's "MS Word 2003 XML" export writes them
 * (no {@code w:vmerge}; a row under a merged cell lists only its own cells; every {@code w:tcW} the grid's width in
 * cell order): each row's cells stand in the grid columns they were printed in, or the row is not placed.
 */
class DocxReaderDroppedMergeTest {

    /** A Word 2003 XML document of one table: a grid of {@code columns} and rows of cells ("text" or "text|span"). */
    private static byte[] document(int columns, String[]... rows) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<?mso-application progid=\"Word.Document\"?>\n<w:wordDocument xmlns:w=\"" + WordXml.W2003 + "\"><w:body>"
                + "<w:p><w:r><w:t>表</w:t></w:r></w:p><w:tbl><w:tblGrid>");
        for (int c = 0; c < columns; c++) {
            b.append("<w:gridCol w:w=\"1000\"/>");
        }
        b.append("</w:tblGrid>");
        for (String[] row : rows) {
            b.append("<w:tr>");
            for (int i = 0; i < row.length; i++) {
                String[] cell = row[i].split("\\|");
                // LibreOffice writes the grid's widths in cell order, whatever column a cell stands in.
                b.append("<w:tc><w:tcPr><w:tcW w:type=\"dxa\" w:w=\"1000\"/>");
                if (cell.length > 1) {
                    b.append("<w:gridSpan w:val=\"").append(cell[1]).append("\"/>");
                }
                b.append("</w:tcPr><w:p><w:r><w:t>").append(cell[0]).append("</w:t></w:r></w:p></w:tc>");
            }
            b.append("</w:tr>");
        }
        return b.append("</w:tbl></w:body></w:wordDocument>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each table line's text and the grid columns (1-based) of its values. */
    private static List<String> tableLines(byte[] bytes) {
        SourceText text = new DocxReader().read(bytes);
        String[] lines = text.text().split("\n");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            LineOrigin o = text.origin(i + 1);
            if (o.table() != null) {
                out.add(lines[i].replace('\t', '|') + " @" + o.valueColumns());
            }
        }
        return out;
    }

    @Test
    void rowsUnderAMergedGroupLabelKeepTheirColumns() {
        // 甲组 and 乙组 each span two rows in the original; the rows under them lost their first cell.
        List<String> lines = tableLines(document(4,
                new String[] {"分组", "项目", "件数", "金额"},
                new String[] {"甲组", "收入", "12", "30"},
                new String[] {"支出", "5", "7"},
                new String[] {"乙组", "收入", "4", "9"},
                new String[] {"支出", "6", "8"}));
        assertEquals(List.of("分组|项目|件数|金额 @null", "甲组|收入|12|30 @[3, 4]", "支出|5|7 @[3, 4]", "乙组|收入|4|9 @[3, 4]",
                "支出|6|8 @[3, 4]"), lines.stream().map(l -> l.replace("@[]", "@null")).toList());
    }

    @Test
    void aHeaderMissingCellsAtBothEndsIsPlacedBetweenThem() {
        // Table 三's header: a label over three rows on the left, 总计 over two rows on the right, the group's
        // columns in between; then a row missing its group label of two columns.
        List<String> lines = tableLines(document(6,
                new String[] {"项目|2", "申请人情况|4"},
                new String[] {"自然人", "法人或其他组织|2", "总计"},
                new String[] {"商业企业", "科研机构"},
                new String[] {"一、新收|2", "1", "2", "3", "6"},
                new String[] {"二、办结", "（一）公开", "1", "1", "0", "2"},
                new String[] {"（二）不公开", "3", "4", "5", "12"}));
        assertEquals("商业企业|科研机构 @null", lines.get(2).replace("@[]", "@null"));
        assertEquals("（二）不公开|3|4|5|12 @[3, 4, 5, 6]", lines.get(5));
    }

    @Test
    void aRowThatFitsTwoPlacesIsNotPlacedItsFiguresRunTogether() {
        // Nothing tells whether 乙组's row lost the two cells before it or after it: its figures must not be given
        // grid columns (the parser reports cells run together as UNREADABLE_TABLE).
        List<String> lines = tableLines(document(5,
                new String[] {"甲组", "1", "2", "3", "4"},
                new String[] {"乙组", "5", "6"}));
        assertEquals(2, lines.size());
        assertEquals("乙组|5 6", lines.get(1).substring(0, lines.get(1).indexOf(" @")));
    }

    @Test
    void aFileWithVerticalMergeMarkersIsReadByThemAsBefore() {
        byte[] bytes = new String(document(3,
                new String[] {"甲组", "收入", "12"},
                new String[] {"XX", "支出", "5"}), StandardCharsets.UTF_8)
                .replace("<w:tcW w:type=\"dxa\" w:w=\"1000\"/></w:tcPr><w:p><w:r><w:t>XX", "<w:vmerge/></w:tcPr><w:p><w:r><w:t>")
                .getBytes(StandardCharsets.UTF_8);
        List<String> lines = tableLines(bytes);
        assertEquals("支出|5 @[3]", lines.get(1));
    }
}
