package dev.mxj.room;

import dev.mxj.id.ServerName;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to ask of {@code POST /publicRooms}: a page size, a pagination token, a search term, room
 * types, another server's directory. {@link #all()} asks for the first page of everything.
 */
public final class PublicRoomsFilter {
    private static final PublicRoomsFilter ALL = builder().build();

    private final OptionalInt limit;
    private final Optional<String> since;
    private final Optional<ServerName> server;
    private final Optional<String> searchTerm;
    private final Optional<List<Optional<String>>> roomTypes;
    private final boolean includeAllNetworks;
    private final Optional<String> thirdPartyInstanceId;

    private PublicRoomsFilter(Builder b) {
        this.limit = b.limit;
        this.since = b.since;
        this.server = b.server;
        this.searchTerm = b.searchTerm;
        this.roomTypes = b.roomTypes == null ? Optional.empty() : Optional.of(List.copyOf(b.roomTypes));
        this.includeAllNetworks = b.includeAllNetworks;
        this.thirdPartyInstanceId = b.thirdPartyInstanceId;
    }

    public static PublicRoomsFilter all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public OptionalInt limit() {
        return limit;
    }

    public Optional<String> since() {
        return since;
    }

    /** The server whose directory to read; the user's own when empty. */
    public Optional<ServerName> server() {
        return server;
    }

    public Optional<String> searchTerm() {
        return searchTerm;
    }

    /** Room types to include; an empty element means rooms without a type. Absent: all types. */
    public Optional<List<Optional<String>>> roomTypes() {
        return roomTypes;
    }

    public boolean includeAllNetworks() {
        return includeAllNetworks;
    }

    public Optional<String> thirdPartyInstanceId() {
        return thirdPartyInstanceId;
    }

    /** Builds a {@link PublicRoomsFilter}. */
    public static final class Builder {
        private OptionalInt limit = OptionalInt.empty();
        private Optional<String> since = Optional.empty();
        private Optional<ServerName> server = Optional.empty();
        private Optional<String> searchTerm = Optional.empty();
        private List<Optional<String>> roomTypes;
        private boolean includeAllNetworks;
        private Optional<String> thirdPartyInstanceId = Optional.empty();

        private Builder() {
        }

        public Builder limit(int limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("limit must be positive, was " + limit);
            }
            this.limit = OptionalInt.of(limit);
            return this;
        }

        /** The {@code next_batch} or {@code prev_batch} token of an earlier page. */
        public Builder since(String token) {
            this.since = Optional.of(Objects.requireNonNull(token, "token"));
            return this;
        }

        public Builder server(ServerName server) {
            this.server = Optional.of(Objects.requireNonNull(server, "server"));
            return this;
        }

        /** {@code filter.generic_search_term}: matched against name, topic and alias. */
        public Builder searchTerm(String term) {
            this.searchTerm = Optional.of(Objects.requireNonNull(term, "term"));
            return this;
        }

        /** Adds a room type to {@code filter.room_types}, e.g. {@code m.space}. */
        public Builder roomType(String type) {
            types().add(Optional.of(Objects.requireNonNull(type, "type")));
            return this;
        }

        /** Adds rooms without a type (a JSON {@code null}) to {@code filter.room_types}. */
        public Builder untypedRooms() {
            types().add(Optional.empty());
            return this;
        }

        public Builder includeAllNetworks(boolean value) {
            this.includeAllNetworks = value;
            return this;
        }

        public Builder thirdPartyInstanceId(String id) {
            this.thirdPartyInstanceId = Optional.of(Objects.requireNonNull(id, "id"));
            return this;
        }

        public PublicRoomsFilter build() {
            return new PublicRoomsFilter(this);
        }

        private List<Optional<String>> types() {
            if (roomTypes == null) {
                roomTypes = new ArrayList<>();
            }
            return roomTypes;
        }
    }
}
