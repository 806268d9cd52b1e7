package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.StoredReport;
import io.gongkai.ingest.repository.WorkbenchRepository;
import io.gongkai.model.Finding;
import io.gongkai.model.Report;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The problem list (问题清单): every finding of every report the filter selects, one row each, as a page or as a
 * CSV or XLSX download. Rows are produced from the database cursor one report at a time and written out as they
 * come, so a download of the whole store streams in constant memory (XLSX through POI's SXSSF window).
 */
@ApplicationScoped
public class ProblemList {

    /** Rows of an XLSX sheet kept in memory before they are flushed to the temporary file. */
    private static final int XLSX_WINDOW = 200;

    private final WorkbenchRepository reports;

    public ProblemList(WorkbenchRepository reports) {
        this.reports = reports;
    }

    /** One page of the list, the number of rows in all, and where the next page starts (null: this is the last). */
    public record Page(List<ProblemRow> rows, long total, WorkbenchRepository.ProblemCursor next) {
    }

    /**
     * One page from the keyset position {@code after} (null: the first page): the stored finding summaries say which
     * findings of which reports fill it, and only those reports are read in full.
     */
    public Page page(ProblemFilter filter, WorkbenchRepository.ProblemCursor after, int size) {
        WorkbenchRepository.ProblemPage page = reports.problemPage(filter.reports(), filter.severity(), filter.code(), after, size);
        List<StoredReport> stored = reports.withFindings(page.reports().stream().map(WorkbenchRepository.ReportFindings::documentId).toList());
        Map<String, StoredReport> byId = new HashMap<>();
        stored.forEach(r -> byId.put(r.documentId(), r));
        List<ProblemRow> rows = new ArrayList<>(size);
        for (WorkbenchRepository.ReportFindings r : page.reports()) {
            StoredReport report = byId.get(r.documentId());
            for (int i : r.findings()) {
                if (report != null && i < report.findings().size()) {
                    rows.add(row(report, report.findings().get(i)));
                }
            }
        }
        return new Page(rows, reports.countProblems(filter.reports(), filter.severity(), filter.code()), page.next());
    }

    /** Where page {@code number} (1-based) of {@code size} rows starts (null: the first page). */
    public WorkbenchRepository.ProblemCursor start(ProblemFilter filter, int number, int size) {
        return reports.problemCursorAt(filter.reports(), filter.severity(), filter.code(), (long) (number - 1) * size);
    }

    public void forEach(ProblemFilter filter, Consumer<ProblemRow> sink) {
        reports.forEachWithFindings(filter.reports(), report -> {
            for (Finding finding : report.findings()) {
                if (filter.severity() != null && (finding.severity() == null || !filter.severity().equals(finding.severity().name()))) {
                    continue;
                }
                if (filter.code() != null && !filter.code().equals(finding.code())) {
                    continue;
                }
                sink.accept(row(report, finding));
            }
        });
    }

    static ProblemRow row(StoredReport stored, Finding finding) {
        Report report = stored.report();
        String first = ReportTables.firstCell(finding);
        CellLabels where = first == null ? new CellLabels("", "", "") : CellLabels.of(first);
        List<String> numbers = numbers(report, finding.paths());
        String agency = report != null && report.agency() != null ? report.agency() : null;
        Integer year = report != null ? report.year() : null;
        String level = report != null ? report.administrativeLevel() : null;
        return new ProblemRow(stored.documentId(), agency, year, level, where.table(), where.row(),
                where.column(), finding.code(), finding.severity() == null ? "info" : finding.severity().name(),
                finding.message(), numbers, first != null ? "cell-" + first : "findings");
    }

    /**
     * The values of the cells a finding names, each with as much of its place as tells it from the others: the row
     * when they share a column (a column that does not add up), the column when they share a row, else both.
     */
    static List<String> numbers(Report report, List<String> paths) {
        List<String> cells = paths.stream().filter(p -> report != null && !ReportTables.tableOfPath(p).isEmpty() && report.hasCell(p))
                .toList();
        List<CellLabels> labels = cells.stream().map(CellLabels::of).toList();
        boolean sameColumn = labels.stream().map(CellLabels::column).distinct().count() == 1;
        boolean sameRow = labels.stream().map(CellLabels::row).distinct().count() == 1;
        List<String> out = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            CellLabels l = labels.get(i);
            String place = cells.size() == 1 || (!sameColumn && !sameRow) ? l.row() + " · " + l.column() : sameColumn ? l.row() : l.column();
            BigDecimal value = report.value(cells.get(i));
            out.add(place + " = " + (value == null ? "空" : value.stripTrailingZeros().toPlainString()));
        }
        return out;
    }

    /** RFC 4180 CSV in UTF-8 with a byte-order mark (so that Excel shows the Chinese), one line per finding. */
    public void writeCsv(ProblemFilter filter, String base, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write('\uFEFF');
            writeCsvLine(writer, ProblemRow.HEADERS);
            forEach(filter, row -> {
                try {
                    writeCsvLine(writer, row.columns(base));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeCsvLine(Writer writer, List<String> columns) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(csvField(columns.get(i)));
        }
        writer.write("\r\n");
    }

    /**
     * Quotes a field when needed; a field a spreadsheet would take for a formula (=, +, -, @ first) is prefixed
     * with an apostrophe, so that an agency name cannot run a formula on the reviewer's machine.
     */
    static String csvField(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** An XLSX workbook with one sheet 问题清单, written row by row (POI SXSSF). Cells are text, never formulas. */
    public void writeXlsx(ProblemFilter filter, String base, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(XLSX_WINDOW);
        workbook.setCompressTempFiles(true);
        try {
            Sheet sheet = workbook.createSheet("问题清单");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < ProblemRow.HEADERS.size(); i++) {
                header.createCell(i).setCellValue(ProblemRow.HEADERS.get(i));
                header.getCell(i).setCellStyle(bold);
            }
            int[] widths = {30, 8, 8, 6, 30, 14, 26, 60, 40, 8, 50};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            forEach(filter, row -> {
                Row line = sheet.createRow(next[0]++);
                List<String> columns = row.columns(base);
                for (int i = 0; i < columns.size(); i++) {
                    if (i == 1 && row.year() != null) {
                        line.createCell(i).setCellValue(row.year());
                    } else {
                        line.createCell(i).setCellValue(columns.get(i));
                    }
                }
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // temporary files are gone or will be with the JVM's temp dir
            }
        }
    }
}
