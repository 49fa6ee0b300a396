package dev.mxj.discovery;

import java.util.List;
import java.util.Optional;

/**
 * The {@code m.profile_fields} capability (Matrix 1.16): which profile fields the user may change.
 *
 * @param enabled    whether the user may create, change or delete profile fields at all
 * @param allowed    if present, the only fields that may be changed
 * @param disallowed if present (and {@code allowed} is not), fields that may not be changed
 */
public record ProfileFields(boolean enabled, Optional<List<String>> allowed, Optional<List<String>> disallowed) {
    public ProfileFields {
        allowed = allowed.map(List::copyOf);
        disallowed = disallowed.map(List::copyOf);
    }

    /** True if the user may change {@code field}, e.g. {@code "displayname"} or {@code "m.tz"}. */
    public boolean canSet(String field) {
        if (!enabled) {
            return false;
        }
        if (allowed.isPresent()) {
            return allowed.get().contains(field);
        }
        return disallowed.map(d -> !d.contains(field)).orElse(true);
    }
}
