package dev.mxj.sync;

/**
 * How far the processing of the first sync of an account has come: rooms processed so far, of
 * all rooms in the response. Reported only for a sync without a token (the first one, which can
 * carry thousands of rooms); the last report has {@code roomsProcessed == roomsTotal}.
 *
 * @param roomsProcessed rooms turned into changes so far
 * @param roomsTotal     rooms in the response (joined, invited, knocked and left)
 */
public record SyncProgress(int roomsProcessed, int roomsTotal) {
    /** True when every room is processed. */
    public boolean isDone() {
        return roomsProcessed >= roomsTotal;
    }
}
