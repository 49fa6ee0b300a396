/**
 * Room key export files (the specification's "Key exports"): the inbound Megolm sessions of a
 * device as a JSON array of session data, encrypted under a passphrase with AES-256-CTR and
 * HMAC-SHA-256 (keys from PBKDF2-HMAC-SHA-512), armoured between
 * {@code -----BEGIN MEGOLM SESSION DATA-----} and {@code -----END MEGOLM SESSION DATA-----}.
 * Element, matrix-js-sdk and matrix-rust-sdk read and write the same files.
 *
 * <ul>
 *   <li>{@link dev.mxj.crypto.keyexport.KeyExportFormat}: encrypt and decrypt a file.</li>
 *   <li>{@link dev.mxj.crypto.keyexport.ExportedRoomKey}: one session in it.</li>
 *   <li>{@link dev.mxj.crypto.keyexport.KeyExportException}: why a file does not open.</li>
 * </ul>
 *
 * <p>The machine exports and imports its sessions with
 * {@link dev.mxj.crypto.machine.OlmMachine#exportRoomKeys} and
 * {@link dev.mxj.crypto.machine.OlmMachine#importRoomKeys}. Keys never appear in
 * {@code toString()}, messages or logs. Nothing in this package is null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package dev.mxj.crypto.keyexport;

import org.jspecify.annotations.NullMarked;
