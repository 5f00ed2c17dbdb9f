package dev.articlechat.http;

/**
 * How often one client may ask: a token bucket of {@code burst} requests, refilled at {@code perMinute}.
 *
 * @param perMinute  sustained requests per minute per client; 0 turns rate limiting off
 * @param burst      requests a client may make at once after a quiet spell
 * @param trustProxy take the client's address from {@code X-Forwarded-For}, as the nearest proxy saw it; only
 *                   behind a proxy that sets it, since anyone can send the header
 */
public record RateLimit(int perMinute, int burst, boolean trustProxy) {

    public static final RateLimit OFF = new RateLimit(0, 0, false);

    public RateLimit {
        if (perMinute < 0 || burst < 0 || (perMinute > 0 && burst < 1)) {
            throw new IllegalArgumentException("--rate-limit must not be negative, and --rate-burst must be at least 1"
                    + " when rate limiting is on");
        }
    }

    public boolean on() {
        return perMinute > 0;
    }
}
