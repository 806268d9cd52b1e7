package io.gongkai.local;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend with the keys of its unique indexes compared without serialising them at every step.
 *
 * <p>The backend keeps each unique index (every {@code _id} look-up goes through one) in an H2 map keyed by
 * mongo-java-server's {@code KeyValue}, which is not {@code Comparable}; H2 then orders such keys by their Java
 * serialisation and serialises <em>both</em> keys at each comparison of a B-tree search: in a profile of the pipeline
 * this was a quarter of the server's CPU. Here the map's key type orders keys exactly as H2 does (by those same bytes,
 * so stores written before keep working) but remembers each key's bytes, so a look-up serialises the searched key once
 * and the stored keys it passes not at all.
 */
public class CachedKeyOrderH2Backend extends H2Backend {

    public CachedKeyOrderH2Backend(String fileName) {
        super(fileName);
    }

    /** On a store opened by the caller (its cache size and commit settings chosen there). */
    public CachedKeyOrderH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** H2's database with the key type above for its unique indexes. An inner class: its super constructor opens them. */
    private final class Database extends H2Database {

        Database(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // Opened here first with the key type, the super's openMap(name) gets this same open map (H2 keeps one per name).
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(KEYS));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /** One for all maps: the remembered bytes depend only on the key. */
    static final CachedKeyOrder KEYS = new CachedKeyOrder();

    /** H2's {@link ObjectDataType} whose comparison of two index keys uses their remembered serialised bytes. */
    static final class CachedKeyOrder extends ObjectDataType {

        /** Keys remembered at most; then the memory starts again (the B-tree's upper keys are back after a few look-ups). */
        static final int REMEMBERED = 50_000;

        private final Map<KeyValue, byte[]> bytes = new ConcurrentHashMap<>();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                // H2 orders objects that are not Comparable by their serialised bytes (ObjectDataType.SerializedObjectType)
                return a == b ? 0 : ObjectDataType.compareNotNull(serialised(x), serialised(y));
            }
            return super.compare(a, b);
        }

        byte[] serialised(KeyValue key) {
            if (!plain(key)) {
                return ObjectDataType.serialize(key); // equal documents may differ in field order, hence in bytes
            }
            byte[] known = bytes.get(key);
            if (known == null) {
                if (bytes.size() >= REMEMBERED) {
                    bytes.clear();
                }
                known = ObjectDataType.serialize(key);
                bytes.put(key, known);
            }
            return known;
        }

        /** Whether keys equal to this one always serialise to the same bytes (values whose equals is exact). */
        private static boolean plain(KeyValue key) {
            for (Object value : key) {
                if (!(value == null || value instanceof String || value instanceof Long || value instanceof Integer
                        || value instanceof Double || value instanceof Boolean || value instanceof ObjectId)) {
                    return false;
                }
            }
            return true;
        }
    }
}
