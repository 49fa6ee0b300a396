package dev.mxj.discovery;

/** What the homeserver says about itself. From {@link dev.mxj.MatrixClient#server()}. */
public interface Server {
}
