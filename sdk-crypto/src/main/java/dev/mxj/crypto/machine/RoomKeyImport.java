package dev.mxj.crypto.machine;

import java.util.List;

/**
 * What a room key import kept.
 *
 * @param total    how many sessions the export held
 * @param imported how many were kept: new sessions, or copies that decrypt from an earlier message
 *                 than the one we had
 * @param keys     the sessions kept: undecryptable events of these are worth retrying
 */
public record RoomKeyImport(int total, int imported, List<RoomKeyInfo> keys) {
    public RoomKeyImport {
        keys = List.copyOf(keys);
    }

    /** How many sessions were not kept (we had them already, as good or better, or they were invalid). */
    public int skipped() {
        return total - imported;
    }
}
