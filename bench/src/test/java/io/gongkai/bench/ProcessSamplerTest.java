package io.gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-process figures of {@code ./gongkai up}'s pid files: a component's instances are summed. */
class ProcessSamplerTest {

    @TempDir
    Path pids;

    @Test
    void instancesOfAComponentAreSummed() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc");
        String self = String.valueOf(ProcessHandle.current().pid());
        // this JVM stands for two instances of extract and one of validate
        Files.writeString(pids.resolve("extract.pid"), self + "\n");
        Files.writeString(pids.resolve("extract-2.pid"), self + "\n");
        Files.writeString(pids.resolve("validate.pid"), self + "\n");
        ProcessSampler sampler = new ProcessSampler(pids, "ingest", "extract", "validate");
        sampler.start();
        Map<String, ProcessSampler.Usage> usage = sampler.usage();

        assertFalse(usage.containsKey("ingest"), "no pid file, no figure");
        assertEquals(2, usage.get("extract").instances());
        assertEquals(1, usage.get("validate").instances());
        long one = usage.get("validate").peakRssKb();
        assertTrue(one > 0, "peak RSS read from /proc");
        assertTrue(usage.get("extract").peakRssKb() >= 2 * one - 1024, "two instances' peaks summed");
        assertTrue(usage.get("extract").largestPeakRssKb() < usage.get("extract").peakRssKb(), "largest instance kept apart");
        assertEquals(3, sampler.rssNowMb("ingest", "extract", "validate").split(" ").length);
    }

    @Test
    void aStalePidFileIsLeftOut() throws Exception {
        Files.writeString(pids.resolve("extract.pid"), "999999999\n");
        assertTrue(new ProcessSampler(pids, "extract").usage().isEmpty());
    }
}
