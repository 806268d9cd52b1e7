package io.gongkai.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a submit has done, one line per accepted file ({@code documentId TAB path}), appended and flushed as each
 * answer comes: a submit run again with the same journal sends only the files it lacks. A half-written last
 * line (the run was killed while writing) is ignored, so that file is sent again; the service answers the same
 * bytes with the same id, so nothing is doubled.
 */
final class SubmitJournal implements AutoCloseable {

    private final Map<String, String> accepted = new HashMap<>();
    private final BufferedWriter out;

    SubmitJournal(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    int tab = line.indexOf('\t');
                    if (tab > 0 && line.endsWith("\u0001")) {
                        accepted.put(line.substring(tab + 1, line.length() - 1), line.substring(0, tab));
                    }
                }
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** The id a file got in an earlier run, or null. */
    String documentId(Path file) {
        return accepted.get(key(file));
    }

    synchronized void accepted(Path file, String documentId) {
        try {
            // the \u0001 closes a whole line: a line cut short by a kill lacks it
            out.write(documentId + "\t" + key(file) + "\u0001\n");
            out.flush();
            accepted.put(key(file), documentId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
