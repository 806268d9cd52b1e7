package io.gongkai.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reading of the services' configuration that the manifest checks rely on. */
class ServiceSourceTest {

    @Test
    void configMappingsGiveTheirPropertyNames() {
        String source = """
                @ConfigMapping(prefix = "gongkai")
                public interface Config {
                    Upload upload();
                    /** a comment with a method(); */
                    Optional<Extra> extra();
                    interface Upload {
                        @WithDefault("52428800")
                        long maxBytes();
                        @WithName("read-tokens") Optional<List<String>> tokens();
                    }
                    interface Extra {
                        Duration publishTimeout();
                    }
                }
                """;
        assertEquals(Set.of("gongkai.upload.max-bytes", "gongkai.upload.read-tokens", "gongkai.extra.publish-timeout"),
                ConfigMappings.ofSource(source));
    }

    @Test
    void theFrontDoorReadsItsSettingsAsTheReadmeSays() {
        ServiceSource ingest = ServiceSource.named("ingest-service");
        assertEquals(8080, ingest.httpPort());
        assertTrue(ingest.shutdownTimeout().compareTo(Duration.ZERO) > 0);
        assertNotNull(ingest.whyRead("GONGKAI_AUTH_SUBMIT_TOKENS"));
        assertNotNull(ingest.whyRead("GONGKAI_UPLOAD_MAX_BYTES"));
        assertNotNull(ingest.whyRead("MONGODB_URI"));
        assertNotNull(ingest.whyRead("KAFKA_BOOTSTRAP_SERVERS"));
        assertNotNull(ingest.whyRead("JAVA_MAX_MEM_RATIO"));
        assertNull(ingest.whyRead("GONGKAI_UPLOAD_MAX_BYTE"));
        // %test properties are not what the packaged service reads.
        assertNull(ingest.whyRead("QUARKUS_HTTP_TEST_PORT"));
    }

    @Test
    void channelsGiveTopicsGroupsAndDeadLetterTopics() {
        var extract = ServiceSource.named("extract-service");
        var raw = extract.incoming().stream().filter(c -> c.topic().equals("reports.raw")).findFirst().orElseThrow();
        assertEquals("extract-service", raw.groupId());
        assertEquals("reports.raw.dlq.extract", raw.deadLetterTopic());
        assertTrue(extract.topics().contains("reports.extracted"));
    }

    @Test
    void durationsInQuarkusSyntax() {
        assertEquals(Duration.ofSeconds(20), ServiceSource.parseDuration("20s"));
        assertEquals(Duration.ofSeconds(20), ServiceSource.parseDuration("20"));
        assertEquals(Duration.ofMinutes(1), ServiceSource.parseDuration("PT1M"));
        assertEquals(Duration.ofMillis(500), ServiceSource.parseDuration("500ms"));
    }
}
