package io.gongkai.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the README tells a newcomer to type is what CI runs, and every link of the README and of docs/ leads to a
 * file of the repository: the first hour must not start with a command nobody runs or a page that is not there.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A Markdown link or image, or an HTML one's href or src (the README's screenshot table). */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|(?:href|src)=\"([^\"]+)\"");

    @Test
    void theReadmesRunAndTestCommandsAreTheOnesCiRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::strip)
                .filter(line -> !line.startsWith("#")).toList();
        for (String heading : List.of("## Run it", "## Test it")) {
            String command = firstCommand(readme, heading);
            assertTrue(command.startsWith("./gongkai "), heading + ": the command is " + command);
            assertTrue(ci.stream().anyMatch(line -> runs(line, command)),
                    ".ci/run does not run the README's \"" + command + "\" (" + heading + ")");
        }
    }

    @Test
    void everyLinkOfTheReadmeAndTheDocsLeadsToAFile() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                String target = link.group(1) != null ? link.group(1) : link.group(2);
                if (target.matches("^[a-z]+:.*") || target.startsWith("#")) {
                    continue;   // a URL or an anchor of the same page
                }
                Path file = page.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!Files.exists(file) || !file.startsWith(ROOT)) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken, "links to files that are not in the repository");
    }

    /** The first line of the first fenced block after the heading. */
    private static String firstCommand(String readme, String heading) {
        int at = readme.indexOf("\n" + heading + "\n");
        assertTrue(at >= 0, "README.md has no section " + heading);
        int fence = readme.indexOf("```", at);
        int start = readme.indexOf('\n', fence) + 1;
        return readme.substring(start, readme.indexOf('\n', start)).strip();
    }

    /** A line of .ci/run runs the command, perhaps under {@code timeout N} and with a {@code || …} handler. */
    private static boolean runs(String line, String command) {
        String bare = line.replaceFirst("^timeout\\s+\\S+\\s+", "");
        return bare.equals(command) || bare.startsWith(command + " ||") || bare.startsWith(command + " &&");
    }
}
