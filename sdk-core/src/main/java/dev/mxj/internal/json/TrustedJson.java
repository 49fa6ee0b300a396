package dev.mxj.internal.json;

import dev.mxj.internal.Handover;
import dev.mxj.json.RawJson;

/**
 * Makes {@link RawJson} values from text that mxj's own parser has just read and checked, without
 * checking or parsing it again. Not API: these trust their caller, so {@link RawJson} keeps them
 * out of its public factories and hands them to this class when it is initialised.
 */
public final class TrustedJson {
    /** What {@link RawJson} gives this class. */
    public interface Factory {
        /** The text and the tree the same parser built from it. */
        RawJson of(String json, Object tree);

        /** Valid text whose tree is parsed again when first asked for. */
        RawJson ofValidText(String json);
    }

    private static final Handover<Factory> FACTORY = new Handover<>("RawJson's trusted factory", RawJson.class);

    private TrustedJson() {
    }

    /** Called once, by {@link RawJson}'s static initialiser. */
    public static void install(Factory f) {
        FACTORY.install(f);
    }

    /** {@code json} and the tree the parser that read it built; neither is made again. */
    public static RawJson of(String json, Object tree) {
        return FACTORY.get().of(json, tree);
    }

    /** {@code json}, already found valid; its tree is parsed when first asked for. */
    public static RawJson ofValidText(String json) {
        return FACTORY.get().ofValidText(json);
    }
}
