package dev.mxj.account;

/**
 * {@code id_server_unbind_result}: whether the homeserver unbound identifiers from the identity
 * server when it deleted or unbound a 3PID, or deactivated the account.
 */
public enum UnbindResult {
    /** Every identifier was unbound (or there was none to unbind). */
    SUCCESS,
    /**
     * At least one identifier may still be bound: the identity server refused, or the homeserver
     * did not know which identity server to ask. Also the value when the server's answer does not
     * say (as Dendrite's does not), since then nothing is known to be unbound.
     */
    NO_SUPPORT
}
