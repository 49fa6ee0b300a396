// The WebCrypto side of mxj's attachment cross-check (AttachmentWebCryptoCrossCheckTest).
//
// Encrypted attachments as Element Web makes them: WebCrypto's AES-CTR with a 64-bit counter
// ({length: 64}), a key generated and exported as a JWK by WebCrypto, an IV of 8 random bytes and
// 8 zero bytes, and the SHA-256 of the ciphertext checked before decrypting. Written for this test
// from the specification and the WebCrypto API; it shares no code with mxj.
//
// Reads one JSON array of requests on stdin and writes one JSON array of answers on stdout.
// Bytes cross as standard base64 (padded). Requests:
//   {"op": "encrypt", "plaintext": b64}                      -> {"info": {...}, "ciphertext": b64}
//   {"op": "encrypt_with", "key": b64, "iv": b64, "plaintext": b64} -> {"ciphertext": b64}
//   {"op": "decrypt", "info": {...}, "ciphertext": b64}      -> {"plaintext": b64} or {"error": msg}

const subtle = globalThis.crypto.subtle;

const bytes = (b64) => new Uint8Array(Buffer.from(b64, 'base64'));
const b64 = (data) => Buffer.from(data).toString('base64');
const unpadded = (data) => b64(data).replace(/=+$/, '');

async function encrypt(plaintext) {
    const iv = new Uint8Array(16);
    globalThis.crypto.getRandomValues(iv.subarray(0, 8));
    const key = await subtle.generateKey({ name: 'AES-CTR', length: 256 }, true, ['encrypt', 'decrypt']);
    const jwk = await subtle.exportKey('jwk', key);
    const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-CTR', counter: iv, length: 64 }, key, plaintext));
    const hash = new Uint8Array(await subtle.digest('SHA-256', ciphertext));
    return {
        info: { v: 'v2', key: jwk, iv: unpadded(iv), hashes: { sha256: unpadded(hash) } },
        ciphertext: b64(ciphertext),
    };
}

async function encryptWith(rawKey, iv, plaintext) {
    const key = await subtle.importKey('raw', rawKey, { name: 'AES-CTR' }, false, ['encrypt']);
    const ciphertext = await subtle.encrypt({ name: 'AES-CTR', counter: iv, length: 64 }, key, plaintext);
    return { ciphertext: b64(new Uint8Array(ciphertext)) };
}

async function decrypt(info, ciphertext) {
    if (info.v !== 'v2') {
        return { error: `unsupported version ${info.v}` };
    }
    const hash = new Uint8Array(await subtle.digest('SHA-256', ciphertext));
    if (unpadded(hash) !== info.hashes.sha256) {
        return { error: 'sha256 mismatch' };
    }
    const key = await subtle.importKey('jwk', info.key, { name: 'AES-CTR' }, false, ['encrypt', 'decrypt']);
    const iv = bytes(info.iv);
    const plaintext = await subtle.decrypt({ name: 'AES-CTR', counter: iv, length: 64 }, key, ciphertext);
    return { plaintext: b64(new Uint8Array(plaintext)) };
}

async function answer(request) {
    try {
        switch (request.op) {
            case 'encrypt': return await encrypt(bytes(request.plaintext));
            case 'encrypt_with': return await encryptWith(bytes(request.key), bytes(request.iv), bytes(request.plaintext));
            case 'decrypt': return await decrypt(request.info, bytes(request.ciphertext));
            default: return { error: `unknown op ${request.op}` };
        }
    } catch (e) {
        return { error: String(e) };
    }
}

const chunks = [];
for await (const chunk of process.stdin) {
    chunks.push(chunk);
}
const requests = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const answers = [];
for (const request of requests) {
    answers.push(await answer(request));
}
process.stdout.write(JSON.stringify({ node: process.version, answers }));
