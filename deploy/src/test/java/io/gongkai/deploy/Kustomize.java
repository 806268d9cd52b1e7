package io.gongkai.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders an overlay of deploy/k8s with {@code kubectl kustomize}, offline, from a copy of deploy/k8s in
 * target/ in which every {@code *.env.example} of the secret generators stands in for the {@code *.env} file
 * that is never committed.
 */
final class Kustomize {

    static final Path K8S = Path.of("k8s").toAbsolutePath();
    private static final Map<String, String> INSTALL = Map.of(
            "yamllint", "apt-get install yamllint (or pip install yamllint)",
            "kubectl", "install kubectl 1.27+ (https://kubernetes.io/docs/tasks/tools/)");
    private static final Path COPY = Path.of("target", "k8s-rendered").toAbsolutePath();

    private Kustomize() {
    }

    static Manifests render(String overlay) {
        Path root = copy();
        Path dir = root.resolve("overlays").resolve(overlay);
        String yaml = run(List.of("kubectl", "kustomize", dir.toString()));
        try {
            Files.writeString(root.resolve(overlay + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(overlay, parse(yaml));
    }

    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    private static synchronized Path copy() {
        try {
            if (Files.exists(COPY)) {
                try (Stream<Path> old = Files.walk(COPY)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> files = Files.walk(K8S)) {
                for (Path source : files.toList()) {
                    Path target = COPY.resolve(K8S.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                        String name = target.getFileName().toString();
                        if (name.endsWith(".env.example")) {
                            Path real = target.resolveSibling(name.substring(0, name.length() - ".example".length()));
                            if (!Files.exists(source.resolveSibling(real.getFileName()))) {
                                Files.copy(source, real, StandardCopyOption.REPLACE_EXISTING);
                            }
                        }
                    }
                }
            }
            return COPY;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command and answers its standard output; fails with its standard error when it fails. */
    static String run(List<String> command) {
        try {
            Path target = Path.of("target").toAbsolutePath();
            Files.createDirectories(target);
            Path errors = Files.createTempFile(target, "deploy-command-", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            } catch (IOException e) {
                Files.deleteIfExists(errors);
                // A missing tool is the machine's gap, not the manifests' fault: skip, saying what to install.
                throw new TestAbortedException(command.get(0) + " is not installed (or not on PATH), so the deploy "
                        + "files were not checked: " + INSTALL.getOrDefault(command.get(0), "install " + command.get(0))
                        + " (.ci/run installs it)", e);
            }
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            String stderr = Files.readString(errors);
            Files.delete(errors);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + stderr + stdout);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
