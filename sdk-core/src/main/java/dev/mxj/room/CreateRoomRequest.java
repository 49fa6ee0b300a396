package dev.mxj.room;

import dev.mxj.event.RoomEncryptionContent;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of {@code POST /createRoom}. Everything is optional: {@code CreateRoomRequest.builder().build()}
 * creates a private room with the server's defaults.
 *
 * <pre>{@code
 * CreateRoomRequest request = CreateRoomRequest.builder()
 *         .preset(Preset.PUBLIC_CHAT).name("Pub").topic("Happy hour").aliasLocalpart("pub")
 *         .invite(bob).userPowerLevel(bob, 50).build();
 * }</pre>
 */
public final class CreateRoomRequest {
    /** The {@code type} of a space's create event. */
    public static final String SPACE = "m.space";

    /** One {@code initial_state} entry. */
    public record InitialState(String type, String stateKey, RawJson content) {
        public InitialState {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(stateKey, "stateKey");
            Objects.requireNonNull(content, "content");
        }
    }

    private final Optional<Preset> preset;
    private final Optional<Visibility> visibility;
    private final Optional<String> aliasLocalpart;
    private final Optional<String> name;
    private final Optional<String> topic;
    private final List<UserId> invite;
    private final Optional<String> roomVersion;
    private final Optional<RawJson> creationContent;
    private final Optional<String> roomType;
    private final List<InitialState> initialState;
    private final boolean direct;
    private final Optional<RawJson> powerLevelOverride;
    private final Map<UserId, Long> userPowerLevels;

    private CreateRoomRequest(Builder b) {
        this.preset = b.preset;
        this.visibility = b.visibility;
        this.aliasLocalpart = b.aliasLocalpart;
        this.name = b.name;
        this.topic = b.topic;
        this.invite = List.copyOf(b.invite);
        this.roomVersion = b.roomVersion;
        this.creationContent = b.creationContent;
        this.roomType = b.roomType;
        this.initialState = List.copyOf(b.initialState);
        this.direct = b.direct;
        this.powerLevelOverride = b.powerLevelOverride;
        this.userPowerLevels = Map.copyOf(b.userPowerLevels);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Preset> preset() {
        return preset;
    }

    public Optional<Visibility> visibility() {
        return visibility;
    }

    /** {@code room_alias_name}: the local part of the alias to create, e.g. {@code pub} for {@code #pub:server}. */
    public Optional<String> aliasLocalpart() {
        return aliasLocalpart;
    }

    public Optional<String> name() {
        return name;
    }

    public Optional<String> topic() {
        return topic;
    }

    public List<UserId> invite() {
        return invite;
    }

    public Optional<String> roomVersion() {
        return roomVersion;
    }

    /** {@code creation_content} as given; {@link #roomType()} is added to it when sent. */
    public Optional<RawJson> creationContent() {
        return creationContent;
    }

    /** The create event's {@code type}, e.g. {@link #SPACE}. */
    public Optional<String> roomType() {
        return roomType;
    }

    public List<InitialState> initialState() {
        return initialState;
    }

    /** {@code is_direct}: flags the invites as direct-chat invites. */
    public boolean direct() {
        return direct;
    }

    /** {@code power_level_content_override} as given; {@link #userPowerLevels()} is merged into its {@code users}. */
    public Optional<RawJson> powerLevelOverride() {
        return powerLevelOverride;
    }

    public Map<UserId, Long> userPowerLevels() {
        return userPowerLevels;
    }

    /** Builds a {@link CreateRoomRequest}; not thread-safe. */
    public static final class Builder {
        private Optional<Preset> preset = Optional.empty();
        private Optional<Visibility> visibility = Optional.empty();
        private Optional<String> aliasLocalpart = Optional.empty();
        private Optional<String> name = Optional.empty();
        private Optional<String> topic = Optional.empty();
        private final List<UserId> invite = new ArrayList<>();
        private Optional<String> roomVersion = Optional.empty();
        private Optional<RawJson> creationContent = Optional.empty();
        private Optional<String> roomType = Optional.empty();
        private final List<InitialState> initialState = new ArrayList<>();
        private boolean direct;
        private Optional<RawJson> powerLevelOverride = Optional.empty();
        private final Map<UserId, Long> userPowerLevels = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder preset(Preset preset) {
            this.preset = Optional.of(preset);
            return this;
        }

        public Builder visibility(Visibility visibility) {
            this.visibility = Optional.of(visibility);
            return this;
        }

        public Builder aliasLocalpart(String localpart) {
            if (localpart.isEmpty() || localpart.contains(":") || localpart.startsWith("#")) {
                throw new IllegalArgumentException("Give only the alias local part (\"pub\" for #pub:server), was "
                        + localpart);
            }
            this.aliasLocalpart = Optional.of(localpart);
            return this;
        }

        public Builder name(String name) {
            this.name = Optional.of(name);
            return this;
        }

        public Builder topic(String topic) {
            this.topic = Optional.of(topic);
            return this;
        }

        public Builder invite(UserId... users) {
            invite.addAll(List.of(users));
            return this;
        }

        public Builder roomVersion(String version) {
            this.roomVersion = Optional.of(version);
            return this;
        }

        public Builder creationContent(RawJson content) {
            if (!content.isObject()) {
                throw new IllegalArgumentException("creation_content must be a JSON object");
            }
            this.creationContent = Optional.of(content);
            return this;
        }

        /** Sets the room type (the create event's {@code type}). */
        public Builder roomType(String type) {
            this.roomType = Optional.of(type);
            return this;
        }

        /** Creates a space: the room type {@link #SPACE}. */
        public Builder space() {
            return roomType(SPACE);
        }

        /** Adds a state event to send right after the preset's. */
        public Builder initialState(String type, String stateKey, RawJson content) {
            initialState.add(new InitialState(type, stateKey, content));
            return this;
        }

        /** Adds {@code m.room.encryption} ({@code m.megolm.v1.aes-sha2}) to the initial state. */
        public Builder encrypted() {
            return initialState(RoomEncryptionContent.TYPE, "",
                    RawJson.ofTree(Map.of("algorithm", RoomEncryptionContent.MEGOLM_V1)));
        }

        public Builder direct(boolean direct) {
            this.direct = direct;
            return this;
        }

        /** {@code power_level_content_override}: fields that replace the default power levels. */
        public Builder powerLevelOverride(RawJson content) {
            if (!content.isObject()) {
                throw new IllegalArgumentException("power_level_content_override must be a JSON object");
            }
            this.powerLevelOverride = Optional.of(content);
            return this;
        }

        /** Gives {@code user} this level, through {@code power_level_content_override.users}. */
        public Builder userPowerLevel(UserId user, long level) {
            userPowerLevels.put(Objects.requireNonNull(user, "user"), level);
            return this;
        }

        public CreateRoomRequest build() {
            return new CreateRoomRequest(this);
        }
    }
}
