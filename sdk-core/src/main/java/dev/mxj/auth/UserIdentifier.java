package dev.mxj.auth;

import dev.mxj.id.UserId;

import java.util.Objects;

/**
 * Who is logging in or authenticating: the spec's {@code identifier} object. Build one with
 * {@link #user(String)}, {@link #email(String)}, {@link #thirdParty(String, String)} or
 * {@link #phone(String, String)}.
 */
public sealed interface UserIdentifier {

    /** The spec's identifier type, e.g. {@code m.id.user}. */
    String type();

    /**
     * {@code m.id.user}: a Matrix user, by full user ID or by localpart.
     *
     * @param user {@code @alice:example.org} or {@code alice}
     */
    record User(String user) implements UserIdentifier {
        public User {
            requireText(user, "user");
        }

        @Override
        public String type() {
            return "m.id.user";
        }
    }

    /**
     * {@code m.id.thirdparty}: a third-party ID (3PID) bound to the account, in canonical form.
     *
     * @param medium  e.g. {@code email} or {@code msisdn}
     * @param address the canonicalised address, e.g. {@code alice@example.org}
     */
    record ThirdParty(String medium, String address) implements UserIdentifier {
        public ThirdParty {
            requireText(medium, "medium");
            requireText(address, "address");
        }

        @Override
        public String type() {
            return "m.id.thirdparty";
        }
    }

    /**
     * {@code m.id.phone}: a phone number as the user typed it; the server canonicalises it.
     *
     * @param country the ISO-3166-1 alpha-2 country code to read {@code number} in, e.g. {@code GB}
     * @param number  the phone number
     */
    record Phone(String country, String number) implements UserIdentifier {
        public Phone {
            requireText(country, "country");
            requireText(number, "number");
        }

        @Override
        public String type() {
            return "m.id.phone";
        }
    }

    /** A user by full user ID ({@code @alice:example.org}) or localpart ({@code alice}). */
    static User user(String userIdOrLocalpart) {
        return new User(userIdOrLocalpart);
    }

    /** A user by full user ID. */
    static User user(UserId userId) {
        return new User(userId.value());
    }

    /** A user by an email address bound to the account. */
    static ThirdParty email(String address) {
        return new ThirdParty("email", address);
    }

    /** A user by any third-party ID bound to the account. */
    static ThirdParty thirdParty(String medium, String address) {
        return new ThirdParty(medium, address);
    }

    /** A user by phone number, read as dialled from {@code country}. */
    static Phone phone(String country, String number) {
        return new Phone(country, number);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("A user identifier's " + name + " cannot be blank.");
        }
    }
}
