package io.gongkai.validate.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gongkai.messaging.EventJson;
import io.gongkai.messaging.OutageRetry;
import io.gongkai.model.events.ValidatedEvent;
import io.gongkai.validate.config.ValidateConfig;
import io.gongkai.validate.service.RevalidationJobs;
import io.gongkai.validate.service.ValidationService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
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
    private final EventJson json;
    private final ValidateConfig config;

    public RevalidationConsumer(ValidationService validation, ValidatedPublisher publisher, RevalidationJobs jobs,
            @Channel("revalidate-requests") MutinyEmitter<String> requests, EventJson json, ValidateConfig config) {
        this.validation = validation;
        this.publisher = publisher;
        this.jobs = jobs;
        this.requests = requests;
        this.json = json;
        this.config = config;
    }

    /** Sends one request and waits for the broker. */
    public void request(String jobId, String documentId) {
        Message<String> message = Message.of(json.write(new RevalidationRequest(jobId, documentId)))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(documentId).build());
        requests.sendMessage(message).await().atMost(config.publish().timeout());
    }

    @Incoming("revalidate")
    @Blocking
    @ApplyGuard(OutageRetry.NAME)
    public void onRequest(String payload) throws JsonProcessingException {
        RevalidationRequest request = json.read(payload, RevalidationRequest.class);
        if (request.jobId() == null) {
            throw new IllegalArgumentException("a re-validation request needs jobId and documentId");
        }
        Optional<ValidatedEvent> changed = validation.revalidate(request.documentId());
        if (changed.isPresent()) {
            publisher.publish(changed.get());
        }
        jobs.progress(request.jobId(), changed.isPresent());
    }
}
