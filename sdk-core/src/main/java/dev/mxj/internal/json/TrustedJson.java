package dev.mxj.internal.json;

import dev.mxj.json.RawJson;

import java.util.Objects;

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

    private static volatile Factory factory;

    private TrustedJson() {
    }

    /** Called once, by {@link RawJson}'s static initialiser. */
    public static void install(Factory f) {
        Objects.requireNonNull(f, "factory");
        synchronized (TrustedJson.class) {
            if (factory != null) {
                throw new IllegalStateException("RawJson's trusted factory is already installed");
            }
            factory = f;
        }
    }

    /** {@code json} and the tree the parser that read it built; neither is made again. */
    public static RawJson of(String json, Object tree) {
        return factory().of(json, tree);
    }

    /** {@code json}, already found valid; its tree is parsed when first asked for. */
    public static RawJson ofValidText(String json) {
        return factory().ofValidText(json);
    }

    private static Factory factory() {
        Factory f = factory;
        if (f == null) {
            RawJson.emptyObject(); // initialises RawJson, which installs its factory
            f = factory;
        }
        return f;
    }
}
