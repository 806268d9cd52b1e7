package io.gongkai.ingest.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.gongkai.ingest.config.IngestConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listing's buckets split as it grows (a write rewrites at most {@link ListingRepository#MAX_ROWS} rows) and
 * every reader, on this instance or another, still sees each document exactly once at its latest revision.
 */
class ListingRepositoryTest {

    private MongoServer server;
    private MongoClient mongo;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        mongo = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterEach
    void stop() {
        mongo.close();
        server.shutdownNow();
    }

    private static String id(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static ListingRow row(String id, long rev) {
        return new ListingRow(id, "VALIDATED", id + ".txt", 1_000 + rev, "某县财政局", 2023, "county", "2021", rev, 0L, null,
                List.of("410000"), false, false, false, List.of(), rev);
    }

    @Test
    void bucketsSplitAsTheListingGrowsAndEveryRowIsSeenOnceAtItsLatestRevision() {
        ListingRepository one = new ListingRepository(mongo, config());
        ListingRepository other = new ListingRepository(mongo, config());
        Random random = new Random(3);
        Map<String, Long> expected = new HashMap<>();
        List<ListingRow> batch = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String id = id(random);
            batch.add(row(id, 1));
            expected.put(id, 1L);
            if (batch.size() == 700) {
                one.put(batch); // a bulk write into few buckets: split at once
                batch.clear();
            }
        }
        one.put(batch);
        // one event at a time, from two instances in turn: newer revisions, and an older copy arriving late
        List<String> ids = new ArrayList<>(expected.keySet());
        for (int i = 0; i < 300; i++) {
            String id = ids.get(i);
            (i % 2 == 0 ? one : other).put(List.of(row(id, 3)));
            (i % 2 == 0 ? other : one).put(List.of(row(id, 2)));
            expected.put(id, 3L);
        }
        for (int i = 0; i < 200; i++) {
            String id = id(random);
            (i % 2 == 0 ? other : one).put(List.of(row(id, 1)));
            expected.put(id, 1L);
        }

        for (ListingRepository reader : List.of(one, other, new ListingRepository(mongo, config()))) {
            List<ListingRow> rows = reader.rows();
            Map<String, Long> seen = new HashMap<>();
            rows.forEach(r -> assertEquals(null, seen.put(r.id(), r.rev()), "a document listed twice"));
            assertEquals(expected, seen);
        }
        ListingRepository fresh = new ListingRepository(mongo, config());
        fresh.rows();
        assertTrue(fresh.buckets() > 3_200 / ListingRepository.MAX_ROWS, "split into " + fresh.buckets());
        for (Document bucket : mongo.getDatabase("gongkai-ingest").getCollection("workbench.rows").find()) {
            if (!"dir".equals(bucket.getString("_id")) && !Boolean.TRUE.equals(bucket.getBoolean("sealed"))) {
                assertTrue(bucket.get("rows", Binary.class).length() > 0);
            }
        }
    }

    @Test
    void theRowsNewestFirstFollowEachWrite() {
        ListingRepository listing = new ListingRepository(mongo, config());
        Random random = new Random(9);
        List<ListingRow> rows = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            rows.add(row(id(random), random.nextInt(50)));
        }
        listing.put(rows);
        for (int i = 0; i < 40; i++) {
            List<ListingRow> expected = new ArrayList<>(listing.rows());
            expected.sort(ListingQueries.NEWEST_FIRST);
            assertEquals(expected, listing.newestFirst());
            // a later revision of a stored row (received anew, so it moves) or a new row
            ListingRow old = rows.get(random.nextInt(rows.size()));
            listing.put(List.of(i % 3 == 0 ? row(id(random), random.nextInt(50)) : row(old.id(), old.rev() + 100 + i)));
        }
    }

    @Test
    void leavesAreTheListedBucketsWithNoneBelowThem() {
        // h1 listed again after its split (a late revision bump) is not a leaf
        assertEquals(java.util.Set.of("h0", "h10", "h11"), ListingRepository.leavesOf(List.of("h0", "h1", "h10", "h11")));
        assertEquals("h10", ListingRepository.leafOf(0x8000_0000_0000_0000L, java.util.Set.of("h0", "h10", "h11")));
        assertEquals("h", ListingRepository.leafOf(42, java.util.Set.of()));
    }

    static IngestConfig config() {
        return new IngestConfig() {
            public Upload upload() {
                return null;
            }

            public Storage storage() {
                return new Storage() {
                    public String database() {
                        return "gongkai-ingest";
                    }

                    public String bucket() {
                        return "raw";
                    }
                };
            }

            public Publish publish() {
                return null;
            }
        };
    }
}
