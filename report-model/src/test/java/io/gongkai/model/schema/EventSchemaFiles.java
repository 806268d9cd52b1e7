package io.gongkai.model.schema;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.nio.file.Path;

/** The committed schemas, their {@code https://gongkai.io/schema/} ids read from a local folder (no network). */
final class EventSchemaFiles {

    private EventSchemaFiles() {
    }

    static JsonSchema schema(Path folder, String file) {
        String local = folder.toAbsolutePath().normalize().toUri().toString();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(EventSchemas.BASE, local.endsWith("/") ? local : local + "/")));
        return factory.getSchema(SchemaLocation.of(EventSchemas.BASE + file));
    }
}
