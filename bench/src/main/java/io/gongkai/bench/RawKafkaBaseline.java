package io.gongkai.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker alone, measured with Kafka's own tools ({@code ProducerPerformance}, {@code ConsumerPerformance}) from the
 * jars {@code ./gongkai up} runs the broker from, with the record size and producer settings of the pipeline's topics.
 */
public final class RawKafkaBaseline {

    public record Result(double producedPerSecond, double consumedPerSecond, String producerLine, String consumerLine) {
    }

    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    private final String bootstrap;
    private final Path kafkaLib;

    public RawKafkaBaseline(String bootstrap, Path kafkaLib) {
        this.bootstrap = bootstrap;
        this.kafkaLib = kafkaLib;
    }

    public Result measure(String topic, long records, int recordSize) throws IOException, InterruptedException {
        List<String> produced = run("org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records",
                String.valueOf(records), "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "compression.type=lz4",
                "enable.idempotence=true", "max.request.size=5242880");
        String producerLine = produced.stream().filter(l -> PRODUCED.matcher(l).find()).reduce((a, b) -> b).orElse("");
        Matcher m = PRODUCED.matcher(producerLine);
        double producedPerSecond = m.find() ? Double.parseDouble(m.group(2)) : Double.NaN;
        List<String> consumed = run("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap, "--topic",
                topic, "--messages", String.valueOf(records), "--group", "bench-raw-" + System.nanoTime(), "--timeout", "60000");
        // CSV: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        String consumerLine = consumed.stream().filter(l -> l.matches("^\\d{4}-.*")).reduce((a, b) -> b).orElse("");
        String[] f = consumerLine.split(",\\s*");
        double consumedPerSecond = f.length > 5 ? Double.parseDouble(f[5]) : Double.NaN;
        return new Result(producedPerSecond, consumedPerSecond, producerLine.strip(), consumerLine.strip());
    }

    private List<String> run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", kafkaLib.resolve("*").toString(), mainClass));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                lines.add(l);
            }
        }
        if (p.waitFor() != 0) {
            throw new IOException(mainClass + " failed: " + String.join("\n", lines));
        }
        return lines;
    }
}
