package dev.articlechat.http;

import dev.articlechat.reindex.ReindexJob;
import dev.articlechat.reindex.ReindexJobs;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code POST /admin/reindex} starts a re-index in the background (202 with the job; 409 while one runs) and
 * {@code GET /admin/reindex} shows the last or current one. Both want {@code Authorization: Bearer <token>}.
 */
final class AdminController {

    private final ReindexJobs jobs;
    private final byte[] token;

    AdminController(ReindexJobs jobs, String token) {
        this.jobs = jobs;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    void authorize(Context ctx) {
        String header = ctx.header("Authorization");
        byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        // constant time, so the token cannot be guessed a byte at a time from response times
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(),
                    "The admin routes need the admin token: Authorization: Bearer <token>.");
        }
    }

    void startReindex(Context ctx) {
        ReindexJobs.Start start;
        try {
            start = jobs.start();
        } catch (IllegalStateException e) {
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "The server is stopping; no re-index is started.");
        }
        if (!start.started()) {
            ReindexJob running = start.job();
            throw new HttpResponseException(HttpStatus.CONFLICT.getCode(), "Re-index " + running.id()
                    + " is still running (started " + running.startedAt() + "); GET /admin/reindex shows when it ends.");
        }
        ctx.status(HttpStatus.ACCEPTED).json(start.job());
    }

    void reindexStatus(Context ctx) {
        ctx.json(jobs.status());
    }
}
