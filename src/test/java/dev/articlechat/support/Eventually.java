package dev.articlechat.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does, polling, so that tests need no fixed sleeps. */
public final class Eventually {

    private Eventually() {
    }

    /** True as soon as {@code condition} holds, false if it still does not after {@code limit}. */
    public static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }
}
