package io.gongkai.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-token token bucket, on a clock the test moves. */
class SubmitRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    /** One a second, sixty at once. */
    private final SubmitRateLimiter limiter = new SubmitRateLimiter(true, 1, 60, now::get);

    @Test
    void aTokenGetsItsBurstThenWaitsForTheRefill() {
        for (int i = 0; i < 60; i++) {
            assertEquals(0, limiter.tryAcquire("submit-1"), "submit " + i);
        }
        long wait = limiter.tryAcquire("submit-1");
        assertTrue(wait >= 1 && wait <= 2, "told to wait " + wait + " s");
        now.addAndGet(1_000_000_000L);
        assertEquals(0, limiter.tryAcquire("submit-1"));
        assertTrue(limiter.tryAcquire("submit-1") > 0);
    }

    @Test
    void theRateAndTheBurstAreSetApart() {
        SubmitRateLimiter fast = new SubmitRateLimiter(true, 50, 5, now::get);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, fast.tryAcquire("crawler"));
        }
        assertTrue(fast.tryAcquire("crawler") > 0, "the burst is 5");
        now.addAndGet(100_000_000L); // 0.1 s at 50/s: 5 more, not more than the burst
        for (int i = 0; i < 5; i++) {
            assertEquals(0, fast.tryAcquire("crawler"), "submit " + i + " after the refill");
        }
        assertTrue(fast.tryAcquire("crawler") > 0);
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

    @Test
    void aBatchTakesOneSubmitPerFileAllOrNone() {
        assertEquals(0, limiter.tryAcquire("batch", 50));
        long wait = limiter.tryAcquire("batch", 20);
        assertEquals(10, wait, "10 in the bucket, 20 needed: 10 s at 1/s");
        assertEquals(0, limiter.tryAcquire("batch", 10), "the refused batch took nothing");
        now.addAndGet(3_600_000_000_000L);
        assertEquals(0, limiter.tryAcquire("batch", 500), "a batch above the burst needs a full bucket");
        assertTrue(limiter.tryAcquire("batch", 1) > 0);
    }

    @Test
    void switchedOffEverySubmitPasses() {
        SubmitRateLimiter off = new SubmitRateLimiter(false, 1, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, off.tryAcquire("local"));
        }
    }

    @Test
    void aBucketThatCouldNeverFillIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SubmitRateLimiter(true, 0, 10, now::get));
        assertThrows(IllegalArgumentException.class, () -> new SubmitRateLimiter(true, 1, 0, now::get));
    }
}
