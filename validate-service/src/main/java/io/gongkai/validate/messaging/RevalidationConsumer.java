package io.gongkai.validate.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.service.RevalidationJobs;
import io.gongkai.validate.service.ValidationService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** reports.revalidate: puts a job's requests on the topic, and checks each requested document again, republishing changes. */
@ApplicationScoped
public class RevalidationConsumer {

    private final ValidationService validation;
    private final ValidatedPublisher publisher;
    private final RevalidationJobs jobs;
    private final MutinyEmitter<String> requests;
    private final ObjectMapper json;
    private final ValidateConfig config;

    public RevalidationConsumer(ValidationService validation, ValidatedPublisher publisher, RevalidationJobs jobs,
            @Channel("revalidate-requests") MutinyEmitter<String> requests, ObjectMapper json, ValidateConfig config) {
        this.validation = validation;
        this.publisher = publisher;
        this.jobs = jobs;
        this.requests = requests;
        this.json = json;
        this.config = config;
    }

    /** Sends one request and waits for the broker. */
    public void request(String jobId, String documentId) {
        try {
            Message<String> message = Message.of(json.writeValueAsString(new RevalidationRequest(jobId, documentId)))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(documentId).build());
            requests.sendMessage(message).await().atMost(config.publish().timeout());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Incoming("revalidate")
    @Blocking
    @Retry(maxRetries = 20, delay = 3, delayUnit = ChronoUnit.SECONDS, maxDuration = 120, durationUnit = ChronoUnit.SECONDS,
            retryOn = {MongoException.class, TimeoutException.class, KafkaException.class})
    public void onRequest(String payload) throws JsonProcessingException {
        RevalidationRequest request = json.readValue(payload, RevalidationRequest.class);
        if (request.documentId() == null || request.jobId() == null) {
            throw new IllegalArgumentException("a re-validation request needs jobId and documentId");
        }
        Optional<ValidatedEvent> changed = validation.revalidate(request.documentId());
        if (changed.isPresent()) {
            publisher.publish(changed.get());
        }
        jobs.progress(request.jobId(), changed.isPresent());
    }
}
