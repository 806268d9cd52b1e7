package io.gongkai.model;

/**
 * Where a value was read in the source document, so every number can be traced back.
 *
 * @param page        1-based page for paged sources (PDF), else null
 * @param line        1-based line of the extracted text where the cell was read
 * @param column      0-based index of the cell among the numeric cells of its row
 * @param rawLabel    the row label as printed (before normalisation)
 * @param rawText     the cell's text as printed; empty for a blank cell
 * @param table       1-based table of the document the cell is in (HTML, Word), else null
 * @param row         1-based row of that table (HTML, Word), else null
 * @param tableColumn 1-based column of that table's grid, after expanding merged cells (HTML, Word), else null
 */
public record Provenance(Integer page, Integer line, Integer column, String rawLabel, String rawText,
        Integer table, Integer row, Integer tableColumn) {

    /** For sources without tables of their own (text, PDF). */
    public Provenance(Integer page, Integer line, Integer column, String rawLabel, String rawText) {
        this(page, line, column, rawLabel, rawText, null, null, null);
    }
}
