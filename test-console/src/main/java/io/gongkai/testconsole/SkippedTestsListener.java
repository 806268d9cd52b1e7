package io.gongkai.testconsole;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the tests and containers that were skipped (disabled by a condition) or aborted (an assumption
 * failed: a tool, font or corpus file is absent) and prints them with their reasons once the run ends.
 * Surefire shows only a count, and a skipped {@code @TestFactory} not even that: without this list a
 * newcomer cannot tell which checks did not run, or why.
 */
public final class SkippedTestsListener implements TestExecutionListener {

    private final List<String> skipped = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        skipped.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        record(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            record(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skipped.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        out.append("[SKIPPED] ").append(skipped.size()).append(skipped.size() == 1 ? " test or group" : " tests or groups")
                .append(" did not run:\n");
        skipped.forEach(line -> out.append("[SKIPPED]   ").append(line).append('\n'));
        System.out.print(out);
        System.out.flush();
    }

    private void record(TestIdentifier test, String reason) {
        skipped.add(name(test) + " — " + (reason == null || reason.isBlank() ? "no reason given" : reason.strip()));
    }

    /** The test's class, method and display name, e.g. {@code CorpusPdfTest.readsEveryValue > [1] name = "006"}. */
    private String name(TestIdentifier test) {
        String own = test.getDisplayName();
        Optional<String> where = test.getSource().flatMap(ReportedName::of);
        if (where.isEmpty() && plan != null) {
            where = plan.getParent(test).flatMap(TestIdentifier::getSource).flatMap(ReportedName::of);
        }
        if (where.isEmpty()) {
            return own;
        }
        String method = where.get().substring(where.get().lastIndexOf('.') + 1);
        // A plain test's display name is its method's: say it once.
        return own.startsWith(method + "(") || own.equals(where.get()) ? where.get() : where.get() + " > " + own;
    }

    /** A method source as {@code SimpleClass.method}, a class source as {@code SimpleClass}. */
    private static final class ReportedName {
        static Optional<String> of(TestSource source) {
            if (source instanceof MethodSource m) {
                return Optional.of(simple(m.getClassName()) + "." + m.getMethodName());
            }
            if (source instanceof ClassSource c) {
                return Optional.of(simple(c.getClassName()));
            }
            return Optional.empty();
        }

        private static String simple(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }
}
