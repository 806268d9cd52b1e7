package io.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gongkai.common.store.PackedJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

/** A seed's entries copied for another variant: its names replaced everywhere, packed values included, its file its own. */
class StorePreloadTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void aCopyNamesItsVariantEverywhere() throws Exception {
        ReportVariants variants = new ReportVariants(SAMPLES, 4);
        long cycle = variants.cycle();
        byte[] seedBytes = variants.variant(3, ReportVariants.Format.TEXT);
        String seedSha = StorePreload.sha256(seedBytes);
        StorePreload.Seed seed = new StorePreload.Seed(3, seedSha.substring(0, 32), seedSha, variants.place(3), seedBytes,
                StorePreload.fileName(3));
        long index = 3 + 7 * cycle; // the same sample and year, another agency
        byte[] bytes = variants.variant(index, ReportVariants.Format.TEXT);
        String sha = StorePreload.sha256(bytes);
        StorePreload.Seed target = new StorePreload.Seed(index, null, sha, variants.place(index), bytes, StorePreload.fileName(index));
        String agency = seed.place() + "县人民政府";
        Binary payload = PackedJson.packJson(("{\"report\":{\"agency\":\"" + agency + "\",\"provenance\":{\"d\":\"" + seed.documentId()
                + "\"}}}").getBytes(StandardCharsets.UTF_8));
        Binary signature = new Binary(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        List<StorePreload.Entry> entries = List.of(
                new StorePreload.Entry("gongkai-ingest", "documents", new Document("_id", seed.documentId()).append("sha256", seedSha)
                        .append("fileName", seed.fileName()).append("agency", agency).append("size", (long) seedBytes.length)
                        .append("payload", payload).append("year", 2021)),
                new StorePreload.Entry("gongkai-ingest", "raw.blobs", new Document("_id", seedSha).append("data", new Binary(seedBytes))
                        .append("length", seedBytes.length)),
                new StorePreload.Entry("gongkai-validate", "narratives", new Document("_id", seed.documentId()).append("minHashes", signature)
                        .append("bands", List.of("b1", "b2"))),
                new StorePreload.Entry("gongkai-validate", "reportsByAgencyYear", new Document("_id", seed.place() + "县|2021")
                        .append("documents", List.of(new Document("d", seed.documentId()).append("k", agency)))));

        List<StorePreload.Entry> copies = StorePreload.copy(seed, target, entries);

        String id = sha.substring(0, 32);
        Document document = copies.get(0).document();
        assertEquals(id, document.get("_id"));
        assertEquals(sha, document.get("sha256"));
        assertEquals(target.fileName(), document.get("fileName"));
        assertEquals(target.place() + "县人民政府", document.get("agency"));
        assertEquals((long) bytes.length, document.get("size"));
        assertEquals(2021, document.get("year"));
        String json = new String(PackedJson.unpackJson(document.get("payload", Binary.class)), StandardCharsets.UTF_8);
        assertTrue(json.contains(target.place() + "县人民政府") && json.contains(id), json);
        assertFalse(json.contains(seed.place()) || json.contains(seed.documentId()), json);

        Document blob = copies.get(1).document();
        assertEquals(sha, blob.get("_id"));
        assertArrayEquals(bytes, blob.get("data", Binary.class).getData());
        assertEquals(bytes.length, blob.get("length"));

        Document narrative = copies.get(2).document();
        assertSame(signature, narrative.get("minHashes"), "raw bytes are kept as they are");
        assertEquals(List.of("b1", "b2"), narrative.get("bands"));

        Document agencyYear = copies.get(3).document();
        assertEquals(target.place() + "县|2021", agencyYear.get("_id"));
        assertEquals(id, agencyYear.getList("documents", Document.class).get(0).get("d"));
        assertEquals("gongkai-validate", copies.get(3).database());
        assertEquals("reportsByAgencyYear", copies.get(3).collection());
    }

    @Test
    void aCycleIsEverySampleInEveryYear() throws Exception {
        ReportVariants variants = new ReportVariants(SAMPLES, 4);
        long cycle = variants.cycle();
        assertEquals(4L * variants.sampleCount(), cycle);
        // a variant a cycle on is the same sample and year of another agency
        String a = new String(variants.variant(2, ReportVariants.Format.TEXT), StandardCharsets.UTF_8);
        String b = new String(variants.variant(2 + cycle, ReportVariants.Format.TEXT), StandardCharsets.UTF_8);
        assertFalse(variants.place(2).equals(variants.place(2 + cycle)));
        assertEquals(a.replace(variants.place(2), "X").replaceAll("[0-9]+", "0"), b.replace(variants.place(2 + cycle), "X").replaceAll("[0-9]+", "0"));
    }
}
