package dev.mxj.internal;

import dev.mxj.internal.auth.SessionManager;
import dev.mxj.internal.http.Transport;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** What every facet of one client shares. Internal. */
public record ClientContext(URI homeserverUrl, Transport transport, SessionManager sessions,
                            Executor callbackExecutor, ScheduledExecutorService scheduler, Clock clock) {
}
