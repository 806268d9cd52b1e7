package io.gongkai.common.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Large stored values (a report with its provenance, its findings) as one deflated JSON binary instead of a tree of
 * fields: the embedded MongoDB-protocol server's H2 backend serialises every document it reads or writes with Java
 * serialisation, whose cost grows with the number of fields, so a tree of thousands of fields cost far more than the
 * same bytes in one binary; deflated, it also takes a fifth of the space. The hot path never queries inside these values.
 * Ingest's status read model and listing, and validate's store, pack their large values this way.
 */
public final class PackedJson {

    private PackedJson() {
    }

    /** JSON text (UTF-8) packed as is: a value serialised once by Jackson need not go through a BSON tree first. */
    public static Binary packJson(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(out, deflater)) {
            deflating.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return new Binary(out.toByteArray());
    }

    /** The JSON text (UTF-8) of a packed value, for a reader that binds it straight to its types (Jackson). */
    public static byte[] unpackJson(Binary packed) {
        try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(packed.getData()))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("a stored packed value is not deflated JSON", e);
        }
    }

    /** A packed value as a BSON document, for readers that still walk one. */
    public static Document unpackDocument(Binary packed) {
        return Document.parse(new String(unpackJson(packed), StandardCharsets.UTF_8));
    }
}
