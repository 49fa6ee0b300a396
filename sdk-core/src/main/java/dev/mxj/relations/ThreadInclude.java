package dev.mxj.relations;

/** Which threads the thread list returns ({@code include}). */
public enum ThreadInclude {
    /** Every thread of the room. */
    ALL("all"),
    /** Only threads the user participated in. */
    PARTICIPATED("participated");

    private final String wire;

    ThreadInclude(String wire) {
        this.wire = wire;
    }

    /** The value sent in {@code include}. */
    public String wire() {
        return wire;
    }
}
