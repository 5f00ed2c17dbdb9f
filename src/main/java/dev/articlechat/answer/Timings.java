package dev.articlechat.answer;

/** Where the time of one answer went, in milliseconds. */
public record Timings(long retrieve, long generate, long total) {
}
