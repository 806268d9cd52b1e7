package io.gongkai.extract.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gongkai.messaging.deadletter.DeadLetterClients;
import io.gongkai.testsupport.InMemoryChannels;
import io.gongkai.testsupport.MongoServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * POST /api/admin/dead-letters/replay on extract-service: admin only, reports.raw.dlq.extract back to reports.raw once,
 * 503 problem+json without a broker. No broker in component tests: the replay gets mock Kafka clients (the replay on a
 * real broker is PipelineEndToEndIT's).
 */
@QuarkusTest
@QuarkusTestResource(MongoServerResource.class)
@QuarkusTestResource(value = InMemoryChannels.class, initArgs = {
        @ResourceArg(name = "incoming", value = "raw"),
        @ResourceArg(name = "outgoing", value = "extracted")})
class DeadLetterResourceTest {

    private static final String ADMIN = "test-admin-token";
    private static final String DLQ = "reports.raw.dlq.extract";
    private static final TopicPartition P0 = new TopicPartition(DLQ, 0);

    /** The dead-letter topic as the broker would hold it between replays: what was committed is remembered. */
    private static final class DeadLetterTopic extends MockConsumer<String, String> {
        DeadLetterTopic() {
            super("earliest");
        }

        @Override
        public void close() { // the topic (and its group's offsets) outlive one replay's client
        }
    }

    private DeadLetterTopic topic;
    private MockProducer<String, String> sent;
    private boolean brokerDown;
    private String group;

    @BeforeEach
    void mockClients() {
        topic = new DeadLetterTopic();
        sent = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        brokerDown = false;
        QuarkusMock.installMockForType(new DeadLetterClients("unused:9092") {
            @Override
            public Consumer<String, String> consumer(String g) {
                if (brokerDown) {
                    throw new TimeoutException("Timeout expired while fetching topic metadata");
                }
                group = g;
                return topic;
            }

            @Override
            public Producer<String, String> producer() {
                return sent;
            }
        }, DeadLetterClients.class);
    }

    private void deadLettered(String... keys) {
        topic.updatePartitions(DLQ, List.of(new PartitionInfo(DLQ, 0, null, null, null)));
        topic.updateBeginningOffsets(Map.of(P0, 0L));
        topic.updateEndOffsets(Map.of(P0, (long) keys.length));
        topic.schedulePollTask(() -> {
            for (int i = 0; i < keys.length; i++) {
                ConsumerRecord<String, String> r = new ConsumerRecord<>(DLQ, 0, i, keys[i], "{this is not json");
                r.headers().add("dead-letter-topic", "reports.raw".getBytes(StandardCharsets.UTF_8));
                r.headers().add("dead-letter-reason", "not an event".getBytes(StandardCharsets.UTF_8));
                topic.addRecord(r);
            }
        });
    }

    @Test
    void anAdminReplaysEachDeadLetterOnce() {
        deadLettered("poison-1", "poison-2");

        given().header("Authorization", "Bearer " + ADMIN).when().post("/api/admin/dead-letters/replay").then()
                .statusCode(200).contentType(startsWith("application/json"))
                .body("replayed.'reports.raw.dlq.extract'", equalTo(2)).body("skipped.'reports.raw.dlq.extract'", equalTo(0));

        assertEquals(List.of("poison-1", "poison-2"), sent.history().stream().map(ProducerRecord::key).toList());
        assertEquals(Set.of("reports.raw"), Set.copyOf(sent.history().stream().map(ProducerRecord::topic).toList()));
        assertEquals("extract-service-dlq-replay", group);

        // Asked again: the group's committed offsets say both were replayed, nothing goes back twice.
        topic.updateEndOffsets(Map.of(P0, 2L));
        given().header("Authorization", "Bearer " + ADMIN).when().post("/api/admin/dead-letters/replay").then()
                .statusCode(200).body("replayed.'reports.raw.dlq.extract'", equalTo(0));
        assertEquals(2, sent.history().size());
    }

    @Test
    void onlyAnAdminMayReplay() {
        given().when().post("/api/admin/dead-letters/replay").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(401));
        given().header("Authorization", "Bearer wrong").when().post("/api/admin/dead-letters/replay").then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Bearer test-read-token").when().post("/api/admin/dead-letters/replay").then()
                .statusCode(403).contentType(startsWith("application/problem+json")).body("status", equalTo(403));
        assertEquals(0, sent.history().size());
    }

    @Test
    void withoutABrokerTheAnswerIs503ProblemJson() {
        brokerDown = true;
        given().header("Authorization", "Bearer " + ADMIN).when().post("/api/admin/dead-letters/replay").then()
                .statusCode(503).contentType(startsWith("application/problem+json")).body("status", equalTo(503))
                .body("detail", org.hamcrest.Matchers.containsString("try again"));
    }
}
