package dev.mxj.room;

/** The receipt types a client sends with {@code POST /rooms/{roomId}/receipt/{receiptType}/{eventId}}. */
public enum ReceiptType {
    /** {@code m.read}: a public read receipt, seen by the other members. */
    READ("m.read"),
    /** {@code m.read.private}: seen only by the user's own clients. */
    READ_PRIVATE("m.read.private");

    private final String value;

    ReceiptType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
