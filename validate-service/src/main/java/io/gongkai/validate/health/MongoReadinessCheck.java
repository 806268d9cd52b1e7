package io.gongkai.validate.health;

import com.mongodb.client.MongoClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when MongoDB really answers a ping (the driver alone says nothing about the server). */
@Readiness
@ApplicationScoped
public class MongoReadinessCheck implements HealthCheck {

    private final MongoClient mongo;

    public MongoReadinessCheck(MongoClient mongo) {
        this.mongo = mongo;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            mongo.getDatabase("admin").runCommand(new Document("ping", 1));
            return HealthCheckResponse.up("mongodb");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("mongodb").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
