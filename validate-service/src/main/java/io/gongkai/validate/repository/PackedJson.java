package io.gongkai.validate.repository;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Large stored values (a report with its provenance, its findings) as one deflated JSON binary instead of a tree of
 * fields: the embedded MongoDB-protocol server's H2 backend serialises every document it reads or writes with Java
 * serialisation, whose cost grows with the number of fields, so a tree of thousands of fields cost far more than the
 * same bytes in one binary; deflated, it also takes a fifth of the space. The hot path never queries inside these values.
 */
final class PackedJson {

    private PackedJson() {
    }

    static Binary pack(Document value) {
        byte[] json = value.toJson().getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(json);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 64);
            byte[] buffer = new byte[16384];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return new Binary(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    static Document unpack(Binary packed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed.getData());
            ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length() * 5);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored packed value is truncated");
                }
                out.write(buffer, 0, n);
            }
            return Document.parse(out.toString(StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored packed value is not deflated JSON", e);
        } finally {
            inflater.end();
        }
    }
}
