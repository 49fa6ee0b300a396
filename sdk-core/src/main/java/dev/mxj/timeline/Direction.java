package dev.mxj.timeline;

/** Which way to look from a point in a room's history. */
public enum Direction {
    /** Towards older events ({@code dir=b}). */
    BACKWARD("b"),
    /** Towards newer events ({@code dir=f}). */
    FORWARD("f");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    /** The spec's value: {@code b} or {@code f}. */
    public String wire() {
        return wire;
    }
}
