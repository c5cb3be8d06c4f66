package org.myelin.it.support;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition by polling it, instead of sleeping for a guessed time: DS binds, bundle
 * updates and registry restarts happen on other threads, a few milliseconds to a second later.
 */
public final class Poll {

    private static final long INTERVAL_MS = 25;

    private Poll() {
    }

    /**
     * Polls {@code probe} until {@code done} accepts its value.
     *
     * @param what describes the condition, for the failure message
     * @param timeoutMs how long to wait in milliseconds
     * @param probe reads the current value
     * @param done whether the value is the one awaited
     * @param <T> value type
     * @return the accepted value
     * @throws AssertionError naming the condition and the last value seen when time runs out
     */
    public static <T> T until(String what, long timeoutMs, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what + "; last value: " + last);
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
