package dev.mxj.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A third-party identifier (3PID) the homeserver has associated with the account: an email
 * address or a phone number.
 *
 * @param medium      {@link #EMAIL} or {@link #MSISDN}
 * @param address     the address, e.g. {@code alice@example.org} or {@code 447700900000}
 * @param validatedAt when the identifier was validated, if the server says
 * @param addedAt     when the homeserver associated it with the account, if the server says
 */
public record ThirdPartyId(String medium, String address, Optional<Instant> validatedAt, Optional<Instant> addedAt) {
    /** The email medium. */
    public static final String EMAIL = "email";
    /** The phone number medium. */
    public static final String MSISDN = "msisdn";

    public ThirdPartyId {
        Objects.requireNonNull(medium, "medium");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(validatedAt, "validatedAt");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
