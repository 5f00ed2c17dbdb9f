package dev.articlechat.ingest;

/** A half-open range {@code [start, end)} of UTF-16 indices into a text. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
