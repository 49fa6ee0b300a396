package dev.mxj.store.sqlite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SLF4J logger made on first use instead of when its class loads. Starting the logging back end
 * takes tens of milliseconds in a fresh JVM; the store's classes load on the path that opens it, so
 * with loggers made at class load that start would sit in front of every cold start.
 * {@link WarmUp} starts the back end on a side thread instead, while the store opens.
 */
final class LazyLogger {
    private final Class<?> owner;
    private volatile Logger logger;

    LazyLogger(Class<?> owner) {
        this.owner = owner;
    }

    Logger get() {
        Logger made = logger;
        if (made == null) {
            made = LoggerFactory.getLogger(owner);
            logger = made;
        }
        return made;
    }
}
