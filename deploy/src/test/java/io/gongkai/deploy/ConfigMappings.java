package io.gongkai.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The property names of a module's {@code @ConfigMapping} interfaces, read from their Java source (the deploy
 * module does not put the services on its classpath): {@code @ConfigMapping(prefix = "gongkai")} with a group
 * {@code Upload upload()} holding {@code long maxBytes()} is {@code gongkai.upload.max-bytes}. Understands
 * nested group interfaces, {@code Optional<Group>} and {@code @WithName}; not maps or lists of groups, which the
 * services do not use.
 */
final class ConfigMappings {

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s*)*)([\\w.]+(?:<[^;{}()]*>)?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern OPTIONAL_OF = Pattern.compile("Optional<\\s*(\\w+)\\s*>");

    private ConfigMappings() {
    }

    static Set<String> properties(Path sourceRoot) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(sourceRoot)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> names.addAll(ofSource(read(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static Set<String> ofSource(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        Set<String> names = new TreeSet<>();
        Matcher mapping = MAPPING.matcher(code);
        if (!mapping.find()) {
            return names;
        }
        Map<String, String> bodies = interfaceBodies(code);
        Matcher root = INTERFACE.matcher(code);
        if (root.find(mapping.end())) {
            collect(mapping.group(1), bodies.get(root.group(1)), bodies, names, 0);
        }
        return names;
    }

    private static void collect(String prefix, String body, Map<String, String> bodies, Set<String> names, int depth) {
        if (body == null || depth > 10) {
            return;
        }
        Matcher m = METHOD.matcher(topLevel(body));
        while (m.find()) {
            Matcher withName = WITH_NAME.matcher(m.group(1));
            String name = prefix + "." + (withName.find() ? withName.group(1) : kebab(m.group(3)));
            String type = m.group(2);
            Matcher optional = OPTIONAL_OF.matcher(type);
            String simple = optional.matches() ? optional.group(1) : type;
            if (bodies.containsKey(simple)) {
                collect(name, bodies.get(simple), bodies, names, depth + 1);
            } else {
                names.add(name);
            }
        }
    }

    /** Every interface of the file by simple name, with its body (between its braces). */
    private static Map<String, String> interfaceBodies(String code) {
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher m = INTERFACE.matcher(code);
        while (m.find()) {
            int open = m.end() - 1;
            int depth = 0;
            for (int i = open; i < code.length(); i++) {
                char c = code.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    bodies.put(m.group(1), code.substring(open + 1, i));
                    break;
                }
            }
        }
        return bodies;
    }

    /** The body without its nested blocks (nested interfaces, default methods). */
    private static String topLevel(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
                // A nested declaration ends where its block ends: keep the statement boundary.
                out.append(depth == 1 ? ";" : "");
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
