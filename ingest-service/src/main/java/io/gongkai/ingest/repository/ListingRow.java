package io.gongkai.ingest.repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * One report in the workbench's slim listing ({@link ListingRepository}): the few fields its lists filter, sort and
 * count on, copied from the read model's document, without the report. {@code rev} is the document's revision the row
 * was copied at, so an older copy never replaces a newer one.
 *
 * @param received epoch milliseconds
 * @param errors   null until validated (sorts below every count, as a missing field does in MongoDB)
 * @param problems each finding as {@code severity:code}
 */
public record ListingRow(String id, String status, String file, long received, String agency, Integer year, String level,
        String template, Long errors, Long warnings, String error, List<String> regions, boolean late, boolean copied,
        boolean government, List<String> problems, long rev) {

    /** A failure's reason is shown in the list cut to this many characters; the report page shows it whole. */
    static final int ERROR_CHARS = 300;

    /** The fields {@link #of} reads, as a projection. */
    static final List<String> FIELDS = List.of("status", "fileName", "receivedAt", "agency", "year", "administrativeLevel",
            "templateVersion", "errors", "warnings", "error", "regionCodes", "late", "copied", "government", "problemKeys", "rev");

    public ListingRow {
        regions = regions == null ? List.of() : List.copyOf(regions);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** The row of a stored document of the read model ({@code documents}). */
    static ListingRow of(Document d) {
        Date received = d.getDate("receivedAt");
        Number year = d.get("year", Number.class);
        Number errors = d.get("errors", Number.class);
        Number warnings = d.get("warnings", Number.class);
        Number rev = d.get("rev", Number.class);
        String error = d.getString("error");
        return new ListingRow(d.getString("_id"), d.getString("status"), d.getString("fileName"), received == null ? 0 : received.getTime(),
                d.getString("agency"), year == null ? null : year.intValue(), d.getString("administrativeLevel"), d.getString("templateVersion"),
                errors == null ? null : errors.longValue(), warnings == null ? null : warnings.longValue(),
                error == null || error.length() <= ERROR_CHARS ? error : error.substring(0, ERROR_CHARS) + "…",
                d.getList("regionCodes", String.class, List.of()), Boolean.TRUE.equals(d.getBoolean("late")),
                Boolean.TRUE.equals(d.getBoolean("copied")), Boolean.TRUE.equals(d.getBoolean("government")),
                d.getList("problemKeys", String.class, List.of()), rev == null ? 0 : rev.longValue());
    }

    ReportListing listing() {
        return new ReportListing(id, status, file, received == 0 ? null : Instant.ofEpochMilli(received), agency, year, level, template,
                errors == null ? 0 : errors, warnings == null ? 0 : warnings, error);
    }

    boolean failed() {
        return "FAILED".equals(status);
    }
}
