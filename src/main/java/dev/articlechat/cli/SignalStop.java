package dev.articlechat.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a SIGTERM stops, whenever it comes: installed before anything is opened, so that a signal while the model
 * loads waits for it to be loaded and then closes it, one while the server starts closes what it has, and one
 * while it serves stops it gracefully ({@link GracefulShutdown}). The process then exits 0 when the stop went as
 * planned: a JVM ended by a signal would otherwise exit 143 however cleanly it stopped, and a supervisor (systemd,
 * Kubernetes) counts that a failure.
 */
final class SignalStop {

    private static final Logger log = LoggerFactory.getLogger(SignalStop.class);
    /** A model of a gigabyte loads in seconds; past this the stop does not wait for it. */
    private static final long OPEN_WAIT_SECONDS = 120;

    private final CountDownLatch opened = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private boolean stopping;
    private volatile boolean failed;
    private BooleanSupplier stop = () -> true;

    /** Installs the hook; from now on a signal stops whatever {@link #stopWith} last handed over. */
    static SignalStop install() {
        SignalStop signal = new SignalStop();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::onSignal, "shutdown"));
        return signal;
    }

    /**
     * What a signal stops from now on, returning whether it stopped cleanly; the first call also says that opening
     * is over. Runs {@code andThen} (starting the server) under the same lock, so that a signal never stops
     * something half-started.
     *
     * @return false when a signal came first: the caller must not go on starting
     */
    synchronized boolean stopWith(BooleanSupplier next, Runnable andThen) {
        stop = next;
        opened.countDown();
        if (stopping) {
            return false;
        }
        andThen.run();
        return true;
    }

    /**
     * Opening failed: a signal has nothing to wait for, and the exit that follows keeps the failure's code. (A class
     * that registers a shutdown hook as it loads fails to load once a signal's shutdown began: that is a stop too.)
     */
    synchronized void openingFailed() {
        failed = !stopping;
        opened.countDown();
    }

    /** Blocks the serving thread until a signal has stopped the server. */
    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void onSignal() {
        synchronized (this) {
            stopping = true;
        }
        boolean clean;
        try {
            if (!opened.await(OPEN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Stopping while the server is still opening after {} s", OPEN_WAIT_SECONDS);
            }
            BooleanSupplier current;
            synchronized (this) {
                current = stop;
            }
            clean = current.getAsBoolean();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        } catch (RuntimeException e) {
            log.warn("Stopping failed: {}", e.getMessage());
            clean = false;
        }
        stopped.countDown();
        if (failed) {
            return; // opening failed on its own: the exit under way says how
        }
        Runtime.getRuntime().halt(clean ? 0 : ArticleChatCommand.FAILED);
    }
}
