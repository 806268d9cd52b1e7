package io.gongkai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU seconds and peak resident memory of the processes {@code ./gongkai up} started, read from /proc: CPU as the
 * difference of utime+stime over the run, peak RSS as VmHWM after the high-water mark was reset at the start of the
 * run (writing 5 to clear_refs; where that is refused, the peak since the process started).
 */
public final class ProcessSampler {

    /** USER_HZ: the unit of /proc/PID/stat's times; 100 on every Linux build that matters here. */
    private static final double TICKS_PER_SECOND = 100.0;

    public record Usage(double cpuSeconds, long peakRssKb, boolean peakSinceStart) {
    }

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();
    private final Map<String, Boolean> resetRefused = new LinkedHashMap<>();

    /** Reads {@code NAME.pid} files of the given components under {@code pidsDir}; absent ones are left out. */
    public ProcessSampler(Path pidsDir, String... components) {
        for (String c : components) {
            Path f = pidsDir.resolve(c + ".pid");
            try {
                long pid = Long.parseLong(Files.readString(f).strip());
                if (Files.exists(Path.of("/proc", String.valueOf(pid)))) {
                    pids.put(c, pid);
                }
            } catch (IOException | NumberFormatException absent) {
                // not started by ./gongkai up (e.g. an external Kafka): nothing to sample
            }
        }
    }

    public void start() {
        pids.forEach((name, pid) -> {
            ticksAtStart.put(name, ticks(pid).orElse(0));
            try {
                Files.writeString(Path.of("/proc", String.valueOf(pid), "clear_refs"), "5");
                resetRefused.put(name, false);
            } catch (IOException | RuntimeException e) {
                resetRefused.put(name, true);
            }
        });
    }

    public Map<String, Usage> usage() {
        Map<String, Usage> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> out.put(name, new Usage(
                (ticks(pid).orElse(0) - ticksAtStart.getOrDefault(name, 0L)) / TICKS_PER_SECOND,
                peakRssKb(pid).orElse(-1), resetRefused.getOrDefault(name, true))));
        return out;
    }

    private static OptionalLong ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // after "(comm)": state is field 3; utime and stime are fields 14 and 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(f[11]) + Long.parseLong(f[12]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
        return OptionalLong.empty();
    }

    /** The machine's load averages (1, 5, 15 min) and core count, to say how busy it was. */
    public static String machineLoad() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + l[0] + " " + l[1] + " " + l[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "load unknown";
        }
    }
}
