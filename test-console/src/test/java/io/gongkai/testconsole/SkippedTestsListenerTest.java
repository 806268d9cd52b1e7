package io.gongkai.testconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a small plan of skipped, aborted and passing tests and reads what the listener printed. */
class SkippedTestsListenerTest {

    @Test
    void everySkippedOrAbortedTestIsPrintedWithItsReasonAndPassingOnesAreNot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build()).execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Plan.class))
                    .configurationParameter("junit.jupiter.conditions.deactivate", "")
                    .build(), new SkippedTestsListener());
        } finally {
            System.setOut(console);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("[SKIPPED]")).toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).contains("3 tests or groups did not run"), lines.get(0));
        String all = String.join("\n", lines);
        assertTrue(all.contains("Plan.needsATool — Assumption failed: the tool is absent"), all);
        assertTrue(all.contains("Plan.disabled — not today"), all);
        assertTrue(all.contains("Plan.perInput > [2] ") && all.contains("Assumption failed: no b here"), all);
        assertTrue(!all.contains("passes") && !all.contains("[1] "), all);
    }

    /** Not run by Surefire itself (a nested class without @Nested): only through the launcher above. */
    static class Plan {
        @Test
        void passes() {
        }

        @Test
        void needsATool() {
            assumeTrue(false, "the tool is absent");
        }

        @Test
        @Disabled("not today")
        void disabled() {
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"a", "b"})
        void perInput(String input) {
            assumeTrue(input.equals("a"), "no " + input + " here");
        }
    }
}
