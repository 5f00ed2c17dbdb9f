package dev.articlechat.answer.write;

import dev.articlechat.answer.GenerationsBusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Lets at most a few model generations run at once, with a short queue behind them. A local model shares the
 * machine's cores: two generations at once each take twice as long, and a pile of waiting requests only makes
 * every one of them late. Beyond the queue, or after waiting too long, a request is turned away at once
 * ({@link GenerationsBusyException}) with an estimate of when a slot will be free.
 */
public final class GenerationGate {

    /** Held while generating; closing it frees the slot. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final Permit NOTHING_HELD = () -> { };
    /** A guess until generations have been timed: a small local model's answer takes about two seconds. */
    private static final long FIRST_ESTIMATE_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final int LONGEST_RETRY_AFTER_SECONDS = 60;
    /** How often a waiting request looks whether its client is still there. */
    private static final long LEFT_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final int concurrent;
    private final int queue;
    private final Duration maxWait;
    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile long averageNanos = FIRST_ESTIMATE_NANOS;

    /**
     * @param concurrent generations that may run at once; 0 for no limit
     * @param queue      requests that may wait for a slot
     * @param maxWait    how long one may wait
     */
    public GenerationGate(int concurrent, int queue, Duration maxWait) {
        if (concurrent < 0 || queue < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("generation limits must not be negative");
        }
        this.concurrent = concurrent;
        this.queue = queue;
        this.maxWait = maxWait;
        this.slots = concurrent == 0 ? null : new Semaphore(concurrent, true);
    }

    public static GenerationGate unlimited() {
        return new GenerationGate(0, 0, Duration.ZERO);
    }

    /** Waits for a slot, or throws {@link GenerationsBusyException} when the queue is full or the wait too long. */
    public Permit enter() {
        return enter(() -> true);
    }

    /**
     * As {@link #enter()}, and gives up the place in the queue as soon as {@code wanted} says nobody waits for the
     * answer any more (a closed tab): the queue never serves a request whose client has left.
     */
    public Permit enter(BooleanSupplier wanted) {
        if (slots == null) {
            return NOTHING_HELD;
        }
        if (!slots.tryAcquire()) {
            if (waiting.incrementAndGet() > queue) {
                waiting.decrementAndGet();
                throw busy("all " + concurrent + " answer slots are busy and " + queue + " questions are waiting");
            }
            try {
                long deadline = System.nanoTime() + maxWait.toNanos();
                while (!slots.tryAcquire(Math.min(LEFT_CHECK_NANOS, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    if (!wanted.getAsBoolean()) {
                        throw new GenerationsBusyException("Nobody is waiting for the answer any more.", 1);
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw busy("no answer slot freed up within " + maxWait.toSeconds() + " s");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw busy("the wait for an answer slot was interrupted");
            } finally {
                waiting.decrementAndGet();
            }
        }
        long started = System.nanoTime();
        return new Permit() {
            private boolean closed;

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    // a moving average, so that Retry-After follows how long answers take now
                    averageNanos = (averageNanos * 7 + (System.nanoTime() - started)) / 8;
                    slots.release();
                }
            }
        };
    }

    /** Generations running now. */
    public int active() {
        return slots == null ? 0 : concurrent - slots.availablePermits();
    }

    /** Requests waiting for a slot now. */
    public int waiting() {
        return waiting.get();
    }

    /** When the queue ahead will probably have drained: every waiting request, and this one, answered. */
    private GenerationsBusyException busy(String why) {
        double seconds = averageNanos / 1e9 * (queue + 1) / concurrent;
        int retryAfter = (int) Math.max(1, Math.min(LONGEST_RETRY_AFTER_SECONDS, Math.ceil(seconds)));
        return new GenerationsBusyException("The bot is busy answering other questions: " + why
                + ". Please try again in " + retryAfter + " s.", retryAfter);
    }
}
