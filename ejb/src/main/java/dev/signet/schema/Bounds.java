package dev.signet.schema;

/** The inclusive range a whole-number attribute's value must lie in. */
public record Bounds(long min, long max) {
    public Bounds {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }
}
