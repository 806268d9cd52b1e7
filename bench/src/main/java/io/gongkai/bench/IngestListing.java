package io.gongkai.bench;

import com.mongodb.client.MongoClient;
import io.gongkai.ingest.config.IngestConfig;
import io.gongkai.ingest.repository.ListingRepository;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;

/**
 * ingest-service's workbench listing, written by its own repository: a preloaded document's row is copied from the read
 * model into its bucket as after a status change ({@link ListingRepository#refresh}), bucket splits included. The
 * repository takes its database from ingest's configuration, of which it reads only the storage's database.
 */
final class IngestListing implements Consumer<List<String>> {

    private final ListingRepository listing;

    IngestListing(MongoClient client, String database) {
        this.listing = new ListingRepository(client, config(database));
    }

    @Override
    public void accept(List<String> documentIds) {
        listing.refresh(documentIds);
    }

    /** ingest's configuration with this database; anything else it is asked is not known here. */
    static IngestConfig config(String database) {
        IngestConfig.Storage storage = proxy(IngestConfig.Storage.class, "database", database);
        return proxy(IngestConfig.class, "storage", storage);
    }

    private static <T> T proxy(Class<T> type, String method, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> switch (m.getName()) {
            case "toString" -> type.getSimpleName() + "(" + method + "=" + value + ")";
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> {
                if (m.getName().equals(method)) {
                    yield value;
                }
                throw new UnsupportedOperationException(type.getSimpleName() + "." + m.getName() + " is not configured for the preload");
            }
        }));
    }
}
