package io.gongkai.ingest.web;

import io.gongkai.ingest.repository.ReportListing;
import io.gongkai.model.divisions.Division;
import io.gongkai.model.divisions.Divisions;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What the templates say about the read model's values, in Chinese and in Beijing time. */
@TemplateExtension
public class WorkbenchExtensions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    static String levelLabel(ReportListing listing) {
        return Words.level(listing.level());
    }

    static String statusLabel(ReportListing listing) {
        return Words.status(listing.status());
    }

    static String templateLabel(ReportListing listing) {
        return Words.template(listing.templateVersion());
    }

    static String beijing(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String statusWord(String code) {
        return Words.status(code);
    }

    static String levelWord(String code) {
        return Words.level(code);
    }

    static String templateWord(String code) {
        return Words.template(code);
    }

    /** A division code's names from the province down (410724 → 河南省 新乡市 获嘉县), or the code when unknown. */
    static String regionWord(String code) {
        Divisions divisions = Divisions.get();
        Division d = divisions.byAnyCode(code);
        return d == null ? code : String.join(" ", divisions.chain(d).stream().map(Division::name).toList());
    }

    /** A value for a query string: {@code href="/agency?name={name.urlEncode}"}. */
    static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
