package io.gongkai.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * The real services the pipeline needs. {@code KAFKA_BOOTSTRAP_SERVERS} and {@code MONGODB_URI} point the
 * tests at existing servers (a real MongoDB, a real cluster); otherwise, with no Docker here, a KRaft Kafka
 * broker runs in this JVM and mongo-java-server speaks the MongoDB wire protocol to the services' real driver.
 */
final class Infrastructure implements AutoCloseable {

    final String kafkaBootstrapServers;
    final String mongoUri;
    private final KafkaClusterTestKit kafka;
    private final MongoServer mongo;

    private Infrastructure(String kafkaBootstrapServers, String mongoUri, KafkaClusterTestKit kafka, MongoServer mongo) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static Infrastructure start() throws Exception {
        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        KafkaClusterTestKit kafka = null;
        if (bootstrap == null || bootstrap.isBlank()) {
            kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .build();
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            bootstrap = kafka.bootstrapServers();
            System.out.println("[e2e] Kafka: in-JVM KRaft broker at " + bootstrap);
        } else {
            System.out.println("[e2e] Kafka: existing broker at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        String mongoUri = System.getenv("MONGODB_URI");
        MongoServer mongo = null;
        if (mongoUri == null || mongoUri.isBlank()) {
            mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            mongoUri = "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort();
            System.out.println("[e2e] MongoDB: mongo-java-server (wire protocol) at " + mongoUri);
        } else {
            System.out.println("[e2e] MongoDB: existing server (MONGODB_URI)");
        }
        return new Infrastructure(bootstrap, mongoUri, kafka, mongo);
    }

    @Override
    public void close() throws Exception {
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
