/**
 * The OlmMachine: mxj's sans-I/O end-to-end encryption state machine. It never does HTTP: the
 * caller feeds it sync data ({@link dev.mxj.crypto.machine.OlmMachine#receiveSyncChanges}), sends
 * what {@link dev.mxj.crypto.machine.OlmMachine#outgoingRequests()} asks for, and hands each answer
 * back ({@link dev.mxj.crypto.machine.OlmMachine#markRequestAsSent}). See {@code docs/e2ee.md}.
 * Nothing in this package is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.mxj.crypto.machine;

import org.jspecify.annotations.NullMarked;
