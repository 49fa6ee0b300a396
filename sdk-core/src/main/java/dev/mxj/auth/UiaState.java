package dev.mxj.auth;

import dev.mxj.MatrixApiException;
import dev.mxj.json.RawJson;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a User-Interactive Authentication (UIA) process stands: what the server's last 401 said.
 * A {@link UiaHandler} reads it and answers the next stage.
 *
 * @param flows               the flows the server offers, each a list of stage types in the
 *                            order they must be completed, e.g. {@code [m.login.dummy]}
 * @param completed           the stages completed so far in this session
 * @param params              per-stage parameters, keyed by stage type (e.g. a recaptcha public key)
 * @param session             the UIA session ID; mxj sends it back with every answer
 * @param previousStage       the stage the previous answer attempted, if any
 * @param previousError       the server's error for that attempt, when the 401 carried an
 *                            {@code errcode} (e.g. {@code M_FORBIDDEN} for a wrong password)
 * @param consecutiveFailures how many answers in a row to {@code previousStage} failed (0 when
 *                            the previous answer succeeded or there was none)
 */
public record UiaState(List<List<String>> flows, List<String> completed, RawJson params,
                       Optional<String> session, Optional<String> previousStage,
                       Optional<MatrixApiException> previousError, int consecutiveFailures) {

    public UiaState {
        flows = flows.stream().map(List::copyOf).toList();
        completed = List.copyOf(completed);
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(previousStage, "previousStage");
        Objects.requireNonNull(previousError, "previousError");
    }

    /** The parameters the server gave for {@code stage}, if any. */
    public Optional<RawJson> params(String stage) {
        return params.object(stage);
    }

    /**
     * The stages of {@code flow} still to do. Stages must be completed in order, so this is what
     * follows the completed ones; if the completed stages are not a prefix of the flow, the flow's
     * stages that are not completed yet.
     */
    public List<String> remainingStages(List<String> flow) {
        if (completed.size() <= flow.size() && flow.subList(0, completed.size()).equals(completed)) {
            return List.copyOf(flow.subList(completed.size(), flow.size()));
        }
        List<String> rest = new ArrayList<>(flow);
        rest.removeAll(completed);
        return List.copyOf(rest);
    }

    /** True if the stages completed so far are the start of {@code flow}. */
    public boolean canContinue(List<String> flow) {
        return completed.size() < flow.size() && flow.subList(0, completed.size()).equals(completed);
    }

    /**
     * The spec's fallback page for {@code stage}: open it in a browser to complete a stage this
     * client cannot (recaptcha, terms, SSO), then answer {@link AuthData#outOfBand()}.
     *
     * @param homeserverUrl the client's homeserver, {@link dev.mxj.MatrixClient#homeserverUrl()}
     * @return the page, or empty if the server gave no session ID
     */
    public Optional<URI> fallbackUrl(URI homeserverUrl, String stage) {
        String base = homeserverUrl.toString().replaceAll("/+$", "");
        return session.map(id -> URI.create(base + "/_matrix/client/v3/auth/" + encode(stage)
                + "/fallback/web?session=" + encode(id)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
