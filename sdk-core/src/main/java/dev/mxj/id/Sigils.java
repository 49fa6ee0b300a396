package dev.mxj.id;

/** Checks shared by the sigil-prefixed identifiers. */
final class Sigils {
    static final int MAX_LENGTH = 255;

    private Sigils() {
    }

    /** Validates {@code <sigil>opaque:server} and returns the colon's index. */
    static int requireServerPart(String value, char sigil, String kind, String example) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(kind + " longer than 255 characters");
        }
        int colon = value.indexOf(':');
        if (value.isEmpty() || value.charAt(0) != sigil || colon < 2) {
            throw new IllegalArgumentException("Not a Matrix " + kind + ": '" + value + "'. Expected " + example);
        }
        new ServerName(value.substring(colon + 1));
        return colon;
    }

    static void requireNoWhitespace(String value, String kind) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i)) || Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(kind + " contains white space or a control character: '" + value + "'");
            }
        }
    }
}
