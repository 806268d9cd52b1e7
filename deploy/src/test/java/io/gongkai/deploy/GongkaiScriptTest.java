package io.gongkai.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./gongkai} must run on the bash that macOS ships (3.2), where the README's two commands are promised
 * too: no associative arrays, no mapfile, no case-changing expansions, and no bare {@code "${array[@]}"} of a
 * possibly empty array, which bash before 4.4 calls unbound under {@code set -u}.
 */
class GongkaiScriptTest {

    private static final Path SCRIPT = Path.of("..").toAbsolutePath().normalize().resolve("gongkai");
    private static final Pattern BASH4 = Pattern.compile(
            "declare -A|local -A|\\bmapfile\\b|\\breadarray\\b|\\$\\{\\w+(,,|\\^\\^|,|\\^)}|\\[\\[ -v ");
    /** "${name[@]}" not inside the ${name[@]+"${name[@]}"} guard. */
    private static final Pattern BARE_ARRAY = Pattern.compile("(?<!\\+)\"\\$\\{(\\w+)\\[@]}\"");

    @Test
    void usesNothingBash32Lacks() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(SCRIPT);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("#")) {
                continue;
            }
            if (BASH4.matcher(line).find()) {
                found.add((i + 1) + ": " + line.strip());
            }
            Matcher bare = BARE_ARRAY.matcher(line);
            while (bare.find()) {
                if (!List.of("SERVICES", "TOPICS").contains(bare.group(1))) { // constant lists, never empty
                    found.add((i + 1) + ": unguarded \"${" + bare.group(1) + "[@]}\": " + line.strip());
                }
            }
        }
        assertEquals(List.of(), found, "bash 4 only, in ./gongkai");
    }
}
