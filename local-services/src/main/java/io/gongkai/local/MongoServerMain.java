package io.gongkai.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-protocol server (mongo-java-server) for {@code ./gongkai up}, where no real mongod can run.
 *
 * <pre>
 * java -cp 'local-services/target/lib/*:local-services/target/local-services-*.jar' io.gongkai.local.MongoServerMain \
 *     [--host 127.0.0.1] [--port 27017] (--h2 FILE.mv | --memory) [--oplog] [--cache-mb 16]
 * </pre>
 *
 * Persists in an H2 MVStore file ({@code --h2}) or keeps everything in memory ({@code --memory}), enables the
 * oplog (change streams) only with {@code --oplog} (no service watches a change stream, and the oplog keeps a copy of
 * every write, untrimmed: it doubled the server's work and grew the file by about a megabyte per report), prints one ready line ({@code mongo-java-server ready on mongodb://HOST:PORT ...})
 * and stops cleanly on SIGTERM/SIGINT (the H2 file is committed and closed). {@code --cache-mb} is the H2 file's page cache
 * (H2's default: 16 MB), on the heap.
 */
public final class MongoServerMain {

    private MongoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 27017;
        String h2File = null;
        boolean memory = false;
        boolean oplog = false;
        int cacheMb = 16;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--h2" -> h2File = value(args, ++i);
                case "--memory" -> memory = true;
                case "--oplog" -> oplog = true;
                case "--cache-mb" -> cacheMb = Integer.parseInt(value(args, ++i));
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> fail("unknown argument: " + args[i]);
            }
        }
        if (memory == (h2File != null)) {
            fail("give exactly one of --h2 FILE or --memory");
        }

        MongoBackend backend;
        String storage;
        if (memory) {
            backend = new MemoryBackend();
            storage = "in memory";
        } else {
            Path file = Path.of(h2File).toAbsolutePath();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            backend = new CachedKeyOrderH2Backend(new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMb).open());
            storage = "H2 file " + file + ", page cache " + cacheMb + " MB";
        }

        MongoServer server = new MongoServer(backend);
        if (oplog) {
            server.enableOplog();
        }
        server.bind(host, port);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("mongo-java-server shutting down");
            try {
                server.shutdown(); // stops listening, closes client channels and the backend (commits H2)
            } finally {
                stopped.countDown();
            }
            System.out.println("mongo-java-server stopped");
            System.out.flush();
        }, "mongo-shutdown"));

        System.out.println("mongo-java-server ready on mongodb://" + host + ":" + port + " (" + storage + (oplog ? ", oplog enabled" : "") + ")");
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail("missing value after " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage() {
        System.out.println("usage: MongoServerMain [--host 127.0.0.1] [--port 27017] (--h2 FILE.mv | --memory) [--oplog] [--cache-mb 16]");
    }

    private static void fail(String message) {
        System.err.println("MongoServerMain: " + message);
        usage();
        System.exit(2);
    }
}
