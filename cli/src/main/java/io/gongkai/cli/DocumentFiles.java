package io.gongkai.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The documents a submit takes: files given, and under folders the files of the formats the service reads. */
final class DocumentFiles {

    /** Media type by file ending: the ones ingest-service accepts. */
    static final Map<String, String> MEDIA_TYPES = Map.of(
            "txt", "text/plain; charset=utf-8",
            "md", "text/markdown; charset=utf-8",
            "html", "text/html",
            "htm", "text/html",
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "doc", "application/msword");

    private DocumentFiles() {
    }

    /** The files, in a stable order (folders walked, sorted by path); a missing path is an error. */
    static List<Path> collect(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> mediaType(f) != null).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
        }
        return out;
    }

    /** The media type of a file by its ending, or null when the service reads no such format. */
    static String mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : MEDIA_TYPES.get(name.substring(dot + 1));
    }
}
