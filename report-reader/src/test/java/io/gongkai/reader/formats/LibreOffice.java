package io.gongkai.reader.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * LibreOffice's command-line converter as the rendering tests call it: many files in one call (soffice takes seconds
 * to start), a profile of the test's own (two tests at once must not share one), its output discarded, ten minutes at
 * most. A file it could not convert is simply missing from the output folder; the tests say so.
 */
final class LibreOffice {

    static final Path SOFFICE = Path.of("/usr/bin/soffice");

    private LibreOffice() {
    }

    static boolean installed() {
        return Files.isExecutable(SOFFICE);
    }

    /** Converts every file of the folder {@code from} (in name order) to {@code to}, e.g. {@code "doc:MS Word 97"}. */
    static void convertFolder(Path profile, Path from, String to, String inFilter, Path out) throws IOException, InterruptedException {
        try (Stream<Path> files = Files.list(from)) {
            convert(profile, files.sorted().toList(), to, inFilter, out);
        }
    }

    /** Converts the files to {@code to} into {@code out}; {@code inFilter} names the import filter, or null. */
    static void convert(Path profile, List<Path> files, String to, String inFilter, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SOFFICE.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless"));
        if (inFilter != null) {
            command.add("--infilter=" + inFilter);
        }
        command.addAll(List.of("--convert-to", to, "--outdir", out.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
    }
}
