// Errors the protocol reports by kind, and polling with a deadline.

/**
 * An error with a kind the driver can act on: bad_request (the command's arguments), state (the
 * command does not fit the peer's state, such as send before login), timeout, matrix (the
 * homeserver refused: errcode and HTTP status), failed (anything else).
 */
export class PeerError extends Error {
  constructor(kind, message, extra = {}) {
    super(message);
    this.kind = kind;
    this.extra = extra;
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` (sync or async) every 50 ms until it returns a truthy value, which it returns.
 * @param describe called on timeout for the state to put in the error message
 */
export async function waitFor(what, timeoutMs, check, describe = () => "") {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() >= deadline) {
      const state = await describe();
      throw new PeerError("timeout", `timed out after ${timeoutMs} ms waiting for ${what}${state ? `: ${state}` : ""}`);
    }
    await sleep(50);
  }
}

/** A matrix-js-sdk or fetch error as a PeerError; a MatrixError keeps its errcode and status. */
export function asPeerError(error) {
  if (error instanceof PeerError) {
    return error;
  }
  if (error && typeof error.errcode === "string") {
    return new PeerError("matrix", `${error.errcode}: ${error.data?.error ?? error.message}`, {
      errcode: error.errcode,
      httpStatus: error.httpStatus,
    });
  }
  if (error && typeof error.httpStatus === "number") {
    return new PeerError("matrix", `HTTP ${error.httpStatus}: ${error.message}`, { httpStatus: error.httpStatus });
  }
  return new PeerError("failed", `${error?.name ?? "Error"}: ${error?.message ?? String(error)}`);
}
