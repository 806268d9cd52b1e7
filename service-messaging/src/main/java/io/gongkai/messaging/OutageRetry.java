package io.gongkai.messaging;

import com.mongodb.MongoException;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.TimeoutException;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.common.KafkaException;

/**
 * The retry policy of every consumer: a store (MongoDB) or broker outage is waited out, for up to two minutes, rather
 * than dead-lettering a record that was accepted. Anything else (a record that is not an event) is not retried and goes
 * to the channel's dead-letter topic. Applied with {@code @ApplyGuard(OutageRetry.NAME)}.
 */
@Dependent
public class OutageRetry {

    public static final String NAME = "gongkai-outage-retry";

    /** A static producer field: SmallRye Fault Tolerance needs the Guard itself, not a CDI proxy of it. */
    @Produces
    @Identifier(NAME)
    public static final Guard GUARD = Guard.create()
            .withRetry()
            .maxRetries(20)
            .delay(3, ChronoUnit.SECONDS)
            .maxDuration(120, ChronoUnit.SECONDS)
            .retryOn(List.of(MongoException.class, TimeoutException.class, KafkaException.class))
            .done()
            .build();
}
