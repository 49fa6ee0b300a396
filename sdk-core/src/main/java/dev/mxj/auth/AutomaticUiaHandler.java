package dev.mxj.auth;

import dev.mxj.MatrixException;
import dev.mxj.UnsupportedAuthStageException;
import dev.mxj.id.UserId;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link UiaHandler} from {@link UiaHandler#automatic()}: completes the stages it has what it
 * needs for, without asking anyone. Immutable; {@code toString()} never shows its secrets.
 *
 * <ul>
 *   <li>It follows the first flow offered whose remaining stages it can all complete.</li>
 *   <li>If no flow qualifies, it fails with {@link UnsupportedAuthStageException}, naming the
 *       stages it cannot do (e.g. {@code m.login.recaptcha}) and the flows offered.</li>
 *   <li>If the same stage fails twice in a row, it fails with the server's error rather than
 *       sending the same answer again.</li>
 * </ul>
 */
public final class AutomaticUiaHandler implements UiaHandler {
    static final AutomaticUiaHandler DUMMY_ONLY = new AutomaticUiaHandler(null, null);

    private static final String DUMMY = "m.login.dummy";
    private static final String PASSWORD = "m.login.password";
    private static final String REGISTRATION_TOKEN = "m.login.registration_token";
    private static final int MAX_FAILURES_PER_STAGE = 2;

    private final AuthData.Password password;
    private final AuthData.RegistrationToken registrationToken;

    private AutomaticUiaHandler(AuthData.Password password, AuthData.RegistrationToken registrationToken) {
        this.password = password;
        this.registrationToken = registrationToken;
    }

    /** Also completes {@code m.login.password} stages with this identity and password. */
    public AutomaticUiaHandler withPassword(UserIdentifier identifier, String password) {
        return new AutomaticUiaHandler(new AuthData.Password(identifier, password), registrationToken);
    }

    /** Also completes {@code m.login.password} stages as this user. */
    public AutomaticUiaHandler withPassword(UserId userId, String password) {
        return withPassword(UserIdentifier.user(userId), password);
    }

    /** Also completes {@code m.login.registration_token} stages with this token. */
    public AutomaticUiaHandler withRegistrationToken(String token) {
        return new AutomaticUiaHandler(password, new AuthData.RegistrationToken(token));
    }

    @Override
    public CompletableFuture<AuthData> nextStage(UiaState state) {
        try {
            return CompletableFuture.completedFuture(choose(state));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private AuthData choose(UiaState state) {
        if (state.consecutiveFailures() >= MAX_FAILURES_PER_STAGE && state.previousStage().isPresent()) {
            if (state.previousError().isPresent()) {
                throw state.previousError().get();
            }
            throw new MatrixException("The server did not accept the " + state.previousStage().get() + " stage "
                    + state.consecutiveFailures() + " times in a row and gave no reason; giving up. "
                    + "Try again later, or complete authentication with your own UiaHandler.");
        }
        List<List<String>> candidates = state.flows().stream().filter(state::canContinue).toList();
        if (candidates.isEmpty()) {
            // The completed stages fit no flow in order: be lenient and consider every flow.
            candidates = state.flows();
        }
        Set<String> unsupported = new LinkedHashSet<>();
        for (List<String> flow : candidates) {
            List<String> remaining = state.remainingStages(flow);
            List<String> missing = new ArrayList<>();
            for (String stage : remaining) {
                if (answer(stage).isEmpty()) {
                    missing.add(stage);
                }
            }
            if (!remaining.isEmpty() && missing.isEmpty()) {
                return answer(remaining.get(0)).orElseThrow();
            }
            unsupported.addAll(missing);
        }
        if (unsupported.isEmpty()) {
            throw new MatrixException("The server asks for more authentication, but offers no flow with a stage "
                    + "left to do (flows " + state.flows() + ", completed " + state.completed() + "). "
                    + "This is a server problem; report it to the server's admin.");
        }
        throw new UnsupportedAuthStageException(List.copyOf(unsupported), state.flows(), hint(unsupported));
    }

    private Optional<AuthData> answer(String stage) {
        return switch (stage) {
            case DUMMY -> Optional.of(AuthData.dummy());
            case PASSWORD -> Optional.ofNullable(password);
            case REGISTRATION_TOKEN -> Optional.ofNullable(registrationToken);
            default -> Optional.empty();
        };
    }

    private static String hint(Set<String> unsupported) {
        List<String> hints = new ArrayList<>();
        if (unsupported.contains(PASSWORD)) {
            hints.add("give the password with UiaHandler.automatic().withPassword(...)");
        }
        if (unsupported.contains(REGISTRATION_TOKEN)) {
            hints.add("give a registration token with UiaHandler.automatic().withRegistrationToken(...)");
        }
        if (unsupported.stream().anyMatch(s -> !s.equals(PASSWORD) && !s.equals(REGISTRATION_TOKEN))) {
            hints.add("complete other stages with your own UiaHandler, e.g. in a browser on "
                    + "UiaState.fallbackUrl(...) followed by AuthData.outOfBand()");
        }
        return hints.isEmpty() ? "" : String.join("; ", hints);
    }

    @Override
    public String toString() {
        List<String> stages = new ArrayList<>(List.of(DUMMY));
        if (password != null) {
            stages.add(PASSWORD + " as " + password.identifier());
        }
        if (registrationToken != null) {
            stages.add(REGISTRATION_TOKEN);
        }
        return "AutomaticUiaHandler" + stages;
    }
}
