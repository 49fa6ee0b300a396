package dev.mxj.event;

import dev.mxj.json.RawJson;

/**
 * {@code m.push_rules} (account data): the user's push rules, kept raw until mxj evaluates them.
 *
 * @param global the {@code global} rule set, an empty object when absent
 */
public record PushRulesContent(RawJson global) implements KnownContent {
    public static final String TYPE = "m.push_rules";

    @Override
    public String type() {
        return TYPE;
    }
}
