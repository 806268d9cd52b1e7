package io.gongkai.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-token submit budget, on a clock the test moves. */
class SubmitRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SubmitRateLimiter limiter = new SubmitRateLimiter(60, now::get);

    @Test
    void aTokenGetsItsBurstThenWaitsForTheRefill() {
        for (int i = 0; i < 60; i++) {
            assertEquals(0, limiter.tryAcquire("submit-1"), "submit " + i);
        }
        long wait = limiter.tryAcquire("submit-1");
        assertTrue(wait >= 1 && wait <= 2, "told to wait " + wait + " s");
        now.addAndGet(1_000_000_000L); // 60 a minute: one more each second
        assertEquals(0, limiter.tryAcquire("submit-1"));
        assertTrue(limiter.tryAcquire("submit-1") > 0);
    }

    @Test
    void tokensHaveSeparateBudgets() {
        for (int i = 0; i < 60; i++) {
            limiter.tryAcquire("submit-1");
        }
        assertTrue(limiter.tryAcquire("submit-1") > 0);
        assertEquals(0, limiter.tryAcquire("submit-2"));
    }

    @Test
    void theBudgetDoesNotGrowBeyondTheBurst() {
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 60; i++) {
            assertEquals(0, limiter.tryAcquire("submit-3"));
        }
        assertTrue(limiter.tryAcquire("submit-3") > 0);
    }
}
