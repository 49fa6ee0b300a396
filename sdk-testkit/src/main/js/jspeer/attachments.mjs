// Encrypted attachments as the spec describes them ("Sending encrypted attachments") and as Element
// makes them: AES-256-CTR with a JSON Web Key, a 16-byte counter block whose low 8 bytes start at
// zero (a 64-bit counter), and the SHA-256 of the ciphertext, all in unpadded base64.
const { subtle } = globalThis.crypto;

/** Standard base64 without '=' padding, as the spec's "unpadded base64". */
export function unpaddedBase64(bytes) {
  return Buffer.from(bytes).toString("base64").replace(/=+$/, "");
}

function decodeBase64(text, what) {
  if (typeof text !== "string" || !/^[A-Za-z0-9+/_-]*=*$/.test(text)) {
    throw new Error(`attachment ${what} is not base64`);
  }
  return new Uint8Array(Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64"));
}

/** Hex SHA-256 of some bytes. */
export async function sha256Hex(bytes) {
  return Buffer.from(await subtle.digest("SHA-256", bytes)).toString("hex");
}

/**
 * Encrypts a file's bytes.
 * @returns {{ciphertext: Uint8Array, file: object}} the bytes to upload, and the content's `file`
 *     object without its `url` (the caller adds the mxc URI after the upload)
 */
export async function encryptAttachment(plaintext) {
  const key = await subtle.generateKey({ name: "AES-CTR", length: 256 }, true, ["encrypt", "decrypt"]);
  const iv = new Uint8Array(16);
  globalThis.crypto.getRandomValues(iv.subarray(0, 8));
  const ciphertext = new Uint8Array(
    await subtle.encrypt({ name: "AES-CTR", counter: iv, length: 64 }, key, plaintext),
  );
  const jwk = await subtle.exportKey("jwk", key);
  const hash = new Uint8Array(await subtle.digest("SHA-256", ciphertext));
  return {
    ciphertext,
    file: {
      v: "v2",
      key: { alg: "A256CTR", ext: true, k: jwk.k, key_ops: ["encrypt", "decrypt"], kty: "oct" },
      iv: unpaddedBase64(iv),
      hashes: { sha256: unpaddedBase64(hash) },
    },
  };
}

/**
 * Checks the ciphertext's hash and decrypts it.
 * @param ciphertext the downloaded bytes
 * @param file the event content's `file` object
 * @throws Error saying what is wrong with `file` or that the hash does not match
 */
export async function decryptAttachment(ciphertext, file) {
  if (!file || typeof file !== "object") {
    throw new Error("the event has no 'file' object");
  }
  const key = file.key;
  if (!key || key.kty !== "oct" || key.alg !== "A256CTR" || typeof key.k !== "string") {
    throw new Error("attachment key is not an A256CTR JSON Web Key");
  }
  if (Array.isArray(key.key_ops) && !key.key_ops.includes("decrypt")) {
    throw new Error("attachment key does not allow 'decrypt'");
  }
  const expected = file.hashes?.sha256;
  if (typeof expected !== "string") {
    throw new Error("attachment has no sha256 hash");
  }
  const actual = new Uint8Array(await subtle.digest("SHA-256", ciphertext));
  if (Buffer.compare(Buffer.from(actual), Buffer.from(decodeBase64(expected, "hash"))) !== 0) {
    throw new Error("attachment sha256 does not match the downloaded bytes");
  }
  const iv = decodeBase64(file.iv, "iv");
  if (iv.length !== 16) {
    throw new Error(`attachment iv has ${iv.length} bytes, not 16`);
  }
  // Version 2 (and the old version 1) count with the low 64 bits; older files with all 128.
  const counterBits = file.v === "v1" || file.v === "v2" ? 64 : 128;
  const cryptoKey = await subtle.importKey(
    "jwk",
    { kty: "oct", alg: "A256CTR", k: key.k, ext: true },
    { name: "AES-CTR" },
    false,
    ["decrypt"],
  );
  return new Uint8Array(
    await subtle.decrypt({ name: "AES-CTR", counter: iv, length: counterBits }, cryptoKey, ciphertext),
  );
}
