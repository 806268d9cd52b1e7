package io.gongkai.model;

import java.util.List;

/**
 * One thing a checker would mark on a report: a code from the rule catalogue, its severity, the model
 * paths of the values involved (e.g. {@code applications.totalHandled.naturalPerson}) and a message in
 * plain Chinese that quotes the numbers.
 */
public record Finding(String code, Severity severity, List<String> paths, String message) {

    public Finding {
        paths = paths == null ? List.of() : List.copyOf(paths);
    }

    public static Finding of(String code, Severity severity, String message, String... paths) {
        return new Finding(code, severity, List.of(paths), message);
    }
}
