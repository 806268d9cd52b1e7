package io.gongkai.ingest.mapping;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** From the stored read model to what the API shows. */
public final class DocumentMapper {

    private DocumentMapper() {
    }

    public static DocumentView toView(Document d) {
        return new DocumentView(d.getString("_id"), d.getString("status"), d.getString("fileName"), d.getString("sourceUrl"),
                d.getString("sha256"), number(d.get("size")) == null ? 0 : number(d.get("size")),
                instant(d.getDate("receivedAt")), instant(d.getDate("fetchedAt")), d.getString("detectedType"),
                d.get("report", Document.class), d.getList("findings", Object.class, List.of()),
                d.getString("ruleSetVersion"), number(d.get("validationVersion")), d.getString("error"));
    }

    public static DocumentSummary toSummary(Document d) {
        Long year = number(d.get("year"));
        return new DocumentSummary(d.getString("_id"), d.getString("status"), d.getString("fileName"),
                instant(d.getDate("receivedAt")), d.getString("agency"), year == null ? null : year.intValue(),
                d.getString("templateVersion"), number(d.get("errors")), number(d.get("warnings")), d.getString("error"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Long number(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }
}
