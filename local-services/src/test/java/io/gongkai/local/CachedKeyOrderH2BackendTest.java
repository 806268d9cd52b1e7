package io.gongkai.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedKeyOrderH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void ordersKeysExactlyAsH2Does() {
        ObjectDataType h2 = new ObjectDataType();
        Random random = new Random(7);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(switch (i % 4) {
                case 0 -> new KeyValue(Long.toHexString(random.nextLong()));
                case 1 -> new KeyValue("doc" + random.nextInt(50), (long) random.nextInt(5));
                case 2 -> new KeyValue(random.nextInt(1000));
                default -> new KeyValue(new de.bwaldvogel.mongo.bson.Document("k", random.nextInt(3)));
            });
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys.subList(0, 60)) {
                // twice: the second comparison uses the remembered bytes
                assertEquals(Integer.signum(h2.compare(a, b)), Integer.signum(CachedKeyOrderH2Backend.KEYS.compare(a, b)), a + " vs " + b);
                assertEquals(Integer.signum(h2.compare(a, b)), Integer.signum(CachedKeyOrderH2Backend.KEYS.compare(a, b)), a + " vs " + b);
            }
        }
    }

    @Test
    void readsAndWritesTheSameFileAsTheStockBackend() {
        String file = dir.resolve("data.mv").toString();
        // written by the stock backend (a store of an earlier version), then used with this one, then read by the stock one
        withServer(new H2Backend(file), c -> {
            c.createIndex(Indexes.ascending("_id", "rev"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                c.insertOne(new Document("_id", "d" + i).append("rev", (long) i));
            }
            return null;
        });
        withServer(new CachedKeyOrderH2Backend(file), c -> {
            for (int i = 0; i < 500; i += 7) {
                assertNotNull(c.find(Filters.eq("_id", "d" + i)).first(), "d" + i);
                assertEquals(1, c.updateOne(new Document("_id", "d" + i).append("rev", (long) i),
                        new Document("$set", new Document("rev", i + 1000L))).getModifiedCount(), "d" + i);
            }
            for (int i = 500; i < 800; i++) {
                c.insertOne(new Document("_id", "d" + i).append("rev", (long) i));
            }
            return null;
        });
        withServer(new H2Backend(file), c -> {
            assertEquals(800, c.countDocuments());
            for (int i = 0; i < 800; i += 3) {
                long rev = i < 500 && i % 7 == 0 ? i + 1000L : i;
                assertEquals(rev, c.find(new Document("_id", "d" + i).append("rev", rev)).first().getLong("rev"), "d" + i);
            }
            return null;
        });
    }

    private static void withServer(MongoBackend backend, Function<MongoCollection<Document>, Void> work) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            work.apply(client.getDatabase("test").getCollection("docs"));
        } finally {
            server.shutdown();
        }
    }
}
