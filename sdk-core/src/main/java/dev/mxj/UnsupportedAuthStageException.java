package dev.mxj;

import java.util.List;

/**
 * User-Interactive Authentication cannot go on: every flow the server offers has a stage that the
 * handler cannot complete (e.g. {@code m.login.recaptcha}, {@code m.login.email.identity},
 * {@code m.login.terms}). {@link #unsupportedStages()} names them; the message says what to do:
 * supply the missing credential, or complete such stages with your own
 * {@link dev.mxj.auth.UiaHandler} (for example on the stage's fallback web page).
 */
public class UnsupportedAuthStageException extends MatrixException {
    private static final long serialVersionUID = 1L;

    private final List<String> unsupportedStages;
    private final List<List<String>> offeredFlows;

    /**
     * @param unsupportedStages the stages that could not be completed, in the order first met
     * @param offeredFlows      the flows the server offered
     * @param hint              what the caller can do, or empty
     */
    public UnsupportedAuthStageException(List<String> unsupportedStages, List<List<String>> offeredFlows,
                                         String hint) {
        super(describe(unsupportedStages, offeredFlows, hint));
        this.unsupportedStages = List.copyOf(unsupportedStages);
        this.offeredFlows = offeredFlows.stream().map(List::copyOf).toList();
    }

    private static String describe(List<String> stages, List<List<String>> flows, String hint) {
        StringBuilder sb = new StringBuilder("The server requires authentication stage(s) ")
                .append(String.join(", ", stages))
                .append(" that this UIA handler cannot complete. Flows offered: ");
        if (flows.isEmpty()) {
            sb.append("none");
        }
        for (int i = 0; i < flows.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('[').append(String.join(", ", flows.get(i))).append(']');
        }
        sb.append('.');
        if (hint != null && !hint.isEmpty()) {
            sb.append(" To continue: ").append(hint).append('.');
        }
        return sb.toString();
    }

    /** The stage types no offered flow could do without, e.g. {@code m.login.recaptcha}. */
    public List<String> unsupportedStages() {
        return unsupportedStages;
    }

    /** The flows the server offered, each a list of stage types. */
    public List<List<String>> offeredFlows() {
        return offeredFlows;
    }
}
