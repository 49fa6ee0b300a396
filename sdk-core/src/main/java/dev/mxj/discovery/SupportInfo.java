package dev.mxj.discovery;

import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code GET /.well-known/matrix/support} (Matrix 1.10): whom to contact about a
 * homeserver.
 *
 * @param contacts    ways to reach the admins; entries without a role or without any address are
 *                    left out (they stay in {@code raw})
 * @param supportPage a page with help specific to this server
 * @param raw         the whole answer as sent
 */
public record SupportInfo(List<Contact> contacts, Optional<URI> supportPage, RawJson raw) {
    public SupportInfo {
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(supportPage, "supportPage");
        Objects.requireNonNull(raw, "raw");
    }

    /** The contacts with this role, e.g. {@link Contact#ROLE_SECURITY}. */
    public List<Contact> contacts(String role) {
        return contacts.stream().filter(c -> c.role().equals(role)).toList();
    }

    /**
     * One way to reach an admin. At least one of {@code matrixId} and {@code emailAddress} is present.
     *
     * @param role         what to contact them about: {@link #ROLE_ADMIN}, {@link #ROLE_SECURITY}
     *                     or a namespaced custom role
     * @param matrixId     a Matrix user, possibly on another server so it works when this one is down
     * @param emailAddress an email address
     */
    public record Contact(String role, Optional<UserId> matrixId, Optional<String> emailAddress) {
        /** Any question about the server. */
        public static final String ROLE_ADMIN = "m.role.admin";
        /** Sensitive reports, such as security issues. */
        public static final String ROLE_SECURITY = "m.role.security";

        public Contact {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(matrixId, "matrixId");
            Objects.requireNonNull(emailAddress, "emailAddress");
            if (matrixId.isEmpty() && emailAddress.isEmpty()) {
                throw new IllegalArgumentException("A contact needs a Matrix ID or an email address");
            }
        }
    }
}
