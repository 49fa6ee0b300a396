package dev.mxj.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What {@link JsPeer#createRoom} makes: start from {@link #encrypted()} or {@link #unencrypted()}
 * and add to it.
 *
 * <pre>{@code
 * String roomId = alice.createRoom(JsNewRoom.encrypted().invite(bob.userId()).historyVisibility("joined"));
 * }</pre>
 *
 * @param encryption whether the room starts with {@code m.room.encryption} (Megolm)
 * @param invite user ids invited at creation
 * @param name the room's name
 * @param historyVisibility {@code shared} (the server's default), {@code invited}, {@code joined}
 *     or {@code world_readable}
 * @param preset {@code private_chat} (the default), {@code trusted_private_chat} or {@code public_chat}
 * @param rotationPeriodMs the encryption event's {@code rotation_period_ms}
 * @param rotationPeriodMsgs the encryption event's {@code rotation_period_msgs}
 */
public record JsNewRoom(boolean encryption, List<String> invite, Optional<String> name,
        Optional<String> historyVisibility, Optional<String> preset, OptionalLong rotationPeriodMs,
        OptionalInt rotationPeriodMsgs) {

    /** Copies the list and checks for nulls. */
    public JsNewRoom {
        invite = List.copyOf(invite);
        Objects.requireNonNull(name);
        Objects.requireNonNull(historyVisibility);
        Objects.requireNonNull(preset);
        Objects.requireNonNull(rotationPeriodMs);
        Objects.requireNonNull(rotationPeriodMsgs);
    }

    /** @return a private, Megolm-encrypted room with nobody invited */
    public static JsNewRoom encrypted() {
        return new JsNewRoom(true, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalInt.empty());
    }

    /** @return a private room without encryption */
    public static JsNewRoom unencrypted() {
        return new JsNewRoom(false, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), OptionalLong.empty(), OptionalInt.empty());
    }

    /**
     * @param userIds more users to invite at creation
     * @return a copy with them invited
     */
    public JsNewRoom invite(String... userIds) {
        List<String> all = new ArrayList<>(invite);
        all.addAll(List.of(userIds));
        return new JsNewRoom(encryption, all, name, historyVisibility, preset, rotationPeriodMs,
                rotationPeriodMsgs);
    }

    /**
     * @param roomName the room's name
     * @return a copy with that name
     */
    public JsNewRoom name(String roomName) {
        return new JsNewRoom(encryption, invite, Optional.of(roomName), historyVisibility, preset,
                rotationPeriodMs, rotationPeriodMsgs);
    }

    /**
     * @param visibility {@code shared}, {@code invited}, {@code joined} or {@code world_readable}
     * @return a copy with that history visibility in the initial state
     */
    public JsNewRoom historyVisibility(String visibility) {
        return new JsNewRoom(encryption, invite, name, Optional.of(visibility), preset,
                rotationPeriodMs, rotationPeriodMsgs);
    }

    /**
     * @param roomPreset {@code private_chat}, {@code trusted_private_chat} or {@code public_chat}
     * @return a copy with that preset
     */
    public JsNewRoom preset(String roomPreset) {
        return new JsNewRoom(encryption, invite, name, historyVisibility, Optional.of(roomPreset),
                rotationPeriodMs, rotationPeriodMsgs);
    }

    /**
     * @param periodMs rotate the Megolm session after this many milliseconds
     * @param messages rotate it after this many messages
     * @return a copy with that rotation in the {@code m.room.encryption} event
     */
    public JsNewRoom rotation(long periodMs, int messages) {
        return new JsNewRoom(encryption, invite, name, historyVisibility, preset,
                OptionalLong.of(periodMs), OptionalInt.of(messages));
    }

    /** The command's arguments. */
    Map<String, Object> arguments() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("encrypted", encryption);
        args.put("invite", invite);
        name.ifPresent(n -> args.put("name", n));
        historyVisibility.ifPresent(h -> args.put("historyVisibility", h));
        preset.ifPresent(p -> args.put("preset", p));
        rotationPeriodMs.ifPresent(ms -> args.put("rotationPeriodMs", ms));
        rotationPeriodMsgs.ifPresent(n -> args.put("rotationPeriodMsgs", n));
        return args;
    }
}
