package io.gongkai.validate.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.gongkai.model.Region;
import io.gongkai.validate.config.ValidateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The agencies directory's view of the {@code reports} collection: each stored document's agency, region, year and
 * report key, as typed entries. The region filter is a prefix of digits checked here, quoted into an anchored pattern:
 * no request value becomes an operator.
 */
@ApplicationScoped
public class AgencyDirectoryRepository {

    private static final Pattern DIGITS = Pattern.compile("\\d{2,12}");
    /** A directory answer is a page for people, not an export: at most this many documents are read. */
    static final int MAX_ENTRIES = 20_000;

    private final MongoCollection<Document> reports;

    public AgencyDirectoryRepository(MongoClient mongo, ValidateConfig config) {
        this.reports = mongo.getDatabase(config.storage().database()).getCollection("reports");
    }

    /** Stored documents whose agency was resolved, within the region whose code starts with these digits (null: all). */
    public List<AgencyReportEntry> within(String codePrefix) {
        Bson filter = ne("agency", null);
        if (codePrefix != null) {
            if (!DIGITS.matcher(codePrefix).matches()) {
                throw new IllegalArgumentException("not a division code prefix: " + codePrefix);
            }
            filter = and(filter, regex("region.code", "^" + Pattern.quote(codePrefix)));
        }
        List<AgencyReportEntry> out = new ArrayList<>();
        reports.find(filter)
                .projection(Projections.include("agency", "agencyKey", "year", "reportKey", "region", "administrativeLevel",
                        "publishedOn"))
                .sort(Sorts.ascending("agencyKey", "year", "_id"))
                .limit(MAX_ENTRIES)
                .forEach(d -> out.add(entry(d)));
        return out;
    }

    private static AgencyReportEntry entry(Document d) {
        Document region = d.get("region", Document.class);
        Object published = d.get("publishedOn");
        return new AgencyReportEntry(d.getString("_id"), d.getString("agency"), d.getString("agencyKey"), d.getInteger("year"),
                d.getString("reportKey"),
                region == null ? null : new Region(region.getString("code"), region.getString("province"), region.getString("city"),
                        region.getString("county"), region.getString("township")),
                d.getString("administrativeLevel"), published == null ? null : published.toString());
    }
}
