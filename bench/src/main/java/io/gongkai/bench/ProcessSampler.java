package io.gongkai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU seconds and peak resident memory of the processes {@code ./gongkai up} started, read from /proc: CPU as the
 * difference of utime+stime over the run, peak RSS as VmHWM after the high-water mark was reset at the start of the
 * run (writing 5 to clear_refs; where that is refused, the peak since the process started). A component that runs as
 * several instances ({@code NAME.pid}, {@code NAME-2.pid}, … of {@code ./gongkai up}) is the sum of its instances' CPU
 * and resident memory; its largest instance's peak is kept too (the per-process target).
 */
public final class ProcessSampler {

    /** USER_HZ: the unit of /proc/PID/stat's times; 100 on every Linux build that matters here. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** {@code peakRssKb}: the sum of the instances' peaks; {@code largestPeakRssKb}: the largest instance's. */
    public record Usage(int instances, double cpuSeconds, long peakRssKb, long largestPeakRssKb, boolean peakSinceStart) {
    }

    /** Component name to its instances' keys in {@link #pids} (NAME, NAME-2 …). */
    private final Map<String, List<String>> components = new LinkedHashMap<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();
    private final Map<String, Boolean> resetRefused = new LinkedHashMap<>();

    /** Reads {@code NAME.pid} and {@code NAME-N.pid} files of the given components under {@code pidsDir}; absent ones are left out. */
    public ProcessSampler(Path pidsDir, String... names) {
        for (String c : names) {
            for (int instance = 1; ; instance++) {
                Path f = pidsDir.resolve(instance == 1 ? c + ".pid" : c + "-" + instance + ".pid");
                if (!Files.exists(f)) {
                    break;
                }
                try {
                    long pid = Long.parseLong(Files.readString(f).strip());
                    if (Files.exists(Path.of("/proc", String.valueOf(pid)))) {
                        String key = instance == 1 ? c : c + "-" + instance;
                        pids.put(key, pid);
                        components.computeIfAbsent(c, k -> new ArrayList<>()).add(key);
                    }
                } catch (IOException | NumberFormatException absent) {
                    // not started by ./gongkai up (e.g. an external Kafka): nothing to sample
                }
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

    /** Per component, its instances summed. */
    public Map<String, Usage> usage() {
        Map<String, Usage> out = new LinkedHashMap<>();
        components.forEach((name, instances) -> {
            double cpu = 0;
            long rss = 0;
            long largest = 0;
            boolean sinceStart = false;
            for (String key : instances) {
                long pid = pids.get(key);
                cpu += (ticks(pid).orElse(0) - ticksAtStart.getOrDefault(key, 0L)) / TICKS_PER_SECOND;
                long peak = peakRssKb(pid).orElse(0);
                rss += peak;
                largest = Math.max(largest, peak);
                sinceStart |= resetRefused.getOrDefault(key, true);
            }
            out.put(name, new Usage(instances.size(), cpu, rss, largest, sinceStart));
        });
        return out;
    }

    /** Resident memory now (VmRSS, MB) of each named component, instances summed, e.g. "310 355 402". */
    public String rssNowMb(String... names) {
        StringBuilder s = new StringBuilder();
        for (String name : names) {
            long kb = 0;
            for (String key : components.getOrDefault(name, List.of())) {
                kb += statusKb(pids.get(key), "VmRSS:").orElse(0);
            }
            s.append(s.isEmpty() ? "" : " ").append(kb / 1024);
        }
        return s.toString();
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
        return statusKb(pid, "VmHWM:");
    }

    private static OptionalLong statusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
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
