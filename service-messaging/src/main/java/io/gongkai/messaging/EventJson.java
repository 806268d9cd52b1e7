package io.gongkai.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gongkai.model.events.PipelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/**
 * Events on the pipeline's topics, as JSON text (the channels carry strings; the connector's own deserializers would
 * turn an unreadable record into a null payload instead of a dead letter with its bytes). A record that is not JSON,
 * not the expected event or has no document id throws, and so goes to the channel's dead-letter topic.
 */
@ApplicationScoped
public class EventJson {

    private final ObjectMapper json;

    public EventJson(ObjectMapper json) {
        this.json = json;
    }

    /** The event in {@code payload}; throws when the record is poison. */
    public <T extends PipelineEvent> T read(String payload, Class<T> type) throws JsonProcessingException {
        if (payload == null) {
            throw new IllegalArgumentException("an empty record is no " + type.getSimpleName());
        }
        T event = json.readValue(payload, type);
        if (event == null) {
            throw new IllegalArgumentException("the record null is no " + type.getSimpleName());
        }
        event.requireDocumentId();
        return event;
    }

    /** Any value (an event, a request) as the JSON text a channel carries. */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
