package io.gongkai.reader.parsing;

import io.gongkai.model.CellPath;
import io.gongkai.model.Finding;
import io.gongkai.model.Provenance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one table reader produced: rows in template order, provenance per cell path, and its findings. */
final class TableOutput {

    final String table;
    final Map<String, Map<String, BigDecimal>> rows = new LinkedHashMap<>();
    /** Sized for table 三's 175 cells, the largest. */
    final Map<String, Provenance> provenance = new LinkedHashMap<>(256);
    final Map<String, String> units = new LinkedHashMap<>();
    final List<Finding> findings = new ArrayList<>();
    /** Paths whose cells could not be told apart. */
    final List<String> unreadable = new ArrayList<>();
    /** Paths whose values the text does not put on their rows' lines (values apart from their labels). */
    final List<String> unplaced = new ArrayList<>();
    /** Labels of the rows that could not be told apart, as printed, for the message. */
    final List<String> unreadableLabels = new ArrayList<>();
    /** The layout generation detected ("2021", "2019"), or null when the table shows no sign of either. */
    String layout;
    /** Whether the layout was read from the table itself rather than taken from elsewhere. */
    boolean layoutFromLabels;
    /** Whether the table was found at all (some row label or data row was recognised). */
    boolean found;

    TableOutput(String table) {
        this.table = table;
    }

    String path(String row, String field) {
        return new CellPath(table, row, field).format();
    }

    /** Puts a row's resolved values and provenance under the given field keys. */
    void put(String rowKey, List<String> fields, RowResolver.Resolved resolved, String printedLabel) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String path = path(rowKey, fields.get(i));
            values.put(fields.get(i), resolved.values()[i]);
            provenance.put(path, resolved.provenance()[i]);
            if (resolved.unreadable()) {
                unreadable.add(path);
            }
        }
        if (resolved.unreadable()) {
            unreadableLabels.add(printedLabel);
        }
        rows.put(rowKey, values);
    }

    /**
     * A row whose values cannot be placed with confidence (they are not on the row's own lines): every field null,
     * provenance at its label (or without a line when the label was not found either), each path unplaced.
     */
    void putUnplaced(String rowKey, List<String> fields, CollectedRow row) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            values.put(fields.get(i), null);
            String path = path(rowKey, fields.get(i));
            provenance.put(path, row == null ? new Provenance(null, null, i, null, "")
                    : new Provenance(null, row.labelLine, i, row.rawLabel(), ""));
            unplaced.add(path);
        }
        rows.put(rowKey, values);
    }

    /** A row the document does not print: every field null, provenance without a line. */
    void putAbsent(String rowKey, List<String> fields) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            values.put(fields.get(i), null);
            provenance.put(path(rowKey, fields.get(i)), new Provenance(null, null, i, null, ""));
        }
        rows.put(rowKey, values);
    }

    List<String> paths(String rowKey, List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (String f : fields) {
            out.add(path(rowKey, f));
        }
        return out;
    }
}
