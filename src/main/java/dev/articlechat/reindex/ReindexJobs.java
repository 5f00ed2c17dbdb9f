package dev.articlechat.reindex;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs re-indexes in the background, one at a time, and remembers how the last one went. A request to start one
 * while another runs is refused rather than queued: the running one already reads the articles as they are.
 */
public final class ReindexJobs implements AutoCloseable {

    /** Rebuilds the index and swaps it in; returns the passages now served. */
    @FunctionalInterface
    public interface Rebuild {
        int run() throws Exception;
    }

    /** The job started, or the one already running when {@code started} is false. */
    public record Start(boolean started, ReindexJob job) {
    }

    private static final Logger log = LoggerFactory.getLogger(ReindexJobs.class);

    private final Rebuild rebuild;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "reindex");
        thread.setDaemon(true);
        return thread;
    });
    private ReindexJob last = ReindexJob.NONE;
    /** A change came in while a re-index ran: another one runs when it ends. */
    private boolean again;

    public ReindexJobs(Rebuild rebuild) {
        this(rebuild, Clock.systemUTC());
    }

    ReindexJobs(Rebuild rebuild, Clock clock) {
        this.rebuild = rebuild;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the server is stopping */
    public synchronized Start start() {
        if (worker.isShutdown()) {
            throw new IllegalStateException("the server is stopping");
        }
        if (last.running()) {
            return new Start(false, last);
        }
        ReindexJob job = new ReindexJob(last.id() + 1, ReindexJob.State.RUNNING, now(), null, null, null);
        last = job;
        worker.execute(() -> run(job));
        return new Start(true, job);
    }

    /**
     * Starts a re-index, or has one more run after the running one: an article added while a re-index runs may
     * have been read before it was stored, and is read by the next. Requests while one waits share it.
     *
     * @throws IllegalStateException when the server is stopping
     */
    public synchronized ReindexJob request() {
        Start start = start();
        again |= !start.started();
        return start.job();
    }

    public synchronized ReindexJob status() {
        return last;
    }

    private void run(ReindexJob job) {
        log.info("Re-index {} started", job.id());
        ReindexJob done;
        try {
            int passages = rebuild.run();
            done = new ReindexJob(job.id(), ReindexJob.State.SUCCEEDED, job.startedAt(), now(), passages, null);
            log.info("Re-index {} succeeded: {} passages now served", job.id(), passages);
        } catch (Exception | Error e) {
            done = new ReindexJob(job.id(), ReindexJob.State.FAILED, job.startedAt(), now(), null, describe(e));
            log.error("Re-index {} failed; the previous index keeps serving", job.id(), e);
            if (e instanceof Error error && !(e instanceof AssertionError)) {
                finish(done);
                throw error;
            }
        }
        finish(done);
    }

    private synchronized void finish(ReindexJob done) {
        last = done;
        if (again && !worker.isShutdown()) {
            again = false;
            start();
        }
    }

    /** What went wrong, in words: the message of each cause, without classes or stack frames. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable e = failure; e != null && text.length() < 500; e = e.getCause()) {
            String part = reason(e);
            if (part != null && text.indexOf(part) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(part);
            }
        }
        return "Re-index failed, the previous index keeps serving: "
                + (text.length() == 0 ? "an unexpected " + failure.getClass().getSimpleName() : text);
    }

    private static String reason(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }

    private String now() {
        return Instant.now(clock).toString();
    }

    /** Lets a running job finish within {@code grace}, then interrupts it; no new job starts after this. */
    public void close(Duration grace) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Stopping with a re-index still running; its new generation is discarded");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
