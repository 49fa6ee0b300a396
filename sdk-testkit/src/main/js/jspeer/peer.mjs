// mxj's matrix-js-sdk peer: a Matrix client with Rust crypto that tests drive over stdin/stdout.
// One JSON command per line in, one JSON reply per line out (docs/interop.md); logs on stderr.
//   in:  {"id": 3, "cmd": "send", "roomId": "!r:localhost", "body": "hello"}
//   out: {"id": 3, "ok": true, "result": {"eventId": "$e", "encrypted": true}}
//   out: {"id": 3, "ok": false, "error": {"kind": "timeout", "message": "..."}}
// Usage: node peer.mjs   (MXJ_JSPEER_NAME names it in logs; MXJ_JSPEER_LOG: debug|info|warn|error)
import { log, reply } from "./stdio.mjs"; // first: it keeps library output off stdout
import { createInterface } from "node:readline";
import { createRequire } from "node:module";
import { Peer } from "./client.mjs";
import { decryptAttachment, encryptAttachment, sha256Hex } from "./attachments.mjs";
import { PeerError, asPeerError } from "./waits.mjs";

const DEFAULT_TIMEOUT_MS = 30000;
const sdkVersion = createRequire(import.meta.url)("matrix-js-sdk/package.json").version;
const peer = new Peer();

// Argument readers: each names the command's argument that is wrong.
function required(args, name, type) {
  const value = args[name];
  if (typeof value !== type || (type === "string" && value.length === 0)) {
    throw new PeerError("bad_request", `'${name}' must be a ${type === "string" ? "non-empty string" : type}`);
  }
  return value;
}
function optional(args, name, type) {
  return args[name] === undefined || args[name] === null ? undefined : required(args, name, type);
}
function timeout(args) {
  const value = optional(args, "timeoutMs", "number") ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(value) || value < 0) {
    throw new PeerError("bad_request", "'timeoutMs' must be a non-negative integer");
  }
  return value;
}
function stringList(args, name) {
  const value = args[name] ?? [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new PeerError("bad_request", `'${name}' must be an array of strings`);
  }
  return value;
}
function base64(args, name) {
  const text = args[name];
  if (typeof text !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
    throw new PeerError("bad_request", `'${name}' must be standard base64`);
  }
  return new Uint8Array(Buffer.from(text, "base64"));
}

const commands = {
  ping: () => ({ matrixJsSdk: sdkVersion, node: process.version }),
  login: (a) => peer.login({
    homeserverUrl: required(a, "homeserverUrl", "string"),
    userId: required(a, "userId", "string"),
    password: required(a, "password", "string"),
    deviceId: optional(a, "deviceId", "string"),
    displayName: optional(a, "displayName", "string"),
  }),
  start: (a) => peer.start({ timeoutMs: timeout(a) }),
  createRoom: (a) => peer.createRoom({
    name: optional(a, "name", "string"),
    encrypted: optional(a, "encrypted", "boolean") ?? true,
    invite: stringList(a, "invite"),
    historyVisibility: optional(a, "historyVisibility", "string"),
    preset: optional(a, "preset", "string"),
    rotationPeriodMs: optional(a, "rotationPeriodMs", "number"),
    rotationPeriodMsgs: optional(a, "rotationPeriodMsgs", "number"),
    timeoutMs: timeout(a),
  }),
  join: (a) => peer.join({ roomId: required(a, "roomId", "string"), timeoutMs: timeout(a) }),
  invite: (a) => peer.invite({
    roomId: required(a, "roomId", "string"), userId: required(a, "userId", "string"), timeoutMs: timeout(a),
  }),
  leave: (a) => peer.leave({ roomId: required(a, "roomId", "string"), timeoutMs: timeout(a) }),
  waitForMember: (a) => peer.waitForMember({
    roomId: required(a, "roomId", "string"),
    userId: required(a, "userId", "string"),
    membership: optional(a, "membership", "string") ?? "join",
    timeoutMs: timeout(a),
  }),
  waitForDevice: (a) => peer.waitForDevice({
    userId: required(a, "userId", "string"), deviceId: required(a, "deviceId", "string"), timeoutMs: timeout(a),
  }),
  send: (a) => peer.send({
    roomId: required(a, "roomId", "string"),
    body: required(a, "body", "string"),
    msgtype: optional(a, "msgtype", "string"),
    timeoutMs: timeout(a),
  }),
  sendFile: (a) => peer.sendFile({
    roomId: required(a, "roomId", "string"),
    name: required(a, "name", "string"),
    mimetype: optional(a, "mimetype", "string") ?? "application/octet-stream",
    data: base64(a, "data"),
    msgtype: optional(a, "msgtype", "string"),
    timeoutMs: timeout(a),
  }),
  waitForMessages: (a) => peer.waitForMessages({
    roomId: required(a, "roomId", "string"),
    sender: required(a, "sender", "string"),
    count: required(a, "count", "number"),
    allowUtd: optional(a, "allowUtd", "boolean") ?? false,
    timeoutMs: timeout(a),
  }),
  downloadFile: (a) => peer.downloadFile({
    roomId: required(a, "roomId", "string"),
    eventId: required(a, "eventId", "string"),
    includeData: optional(a, "includeData", "boolean") ?? false,
  }),
  // Attachment crypto alone, without a server: to check the format against another implementation.
  encryptAttachment: async (a) => {
    const { ciphertext, file } = await encryptAttachment(base64(a, "data"));
    return { ciphertext: Buffer.from(ciphertext).toString("base64"), file };
  },
  decryptAttachment: async (a) => {
    const file = a.file;
    if (!file || typeof file !== "object") {
      throw new PeerError("bad_request", "'file' must be the event content's file object");
    }
    let plaintext;
    try {
      plaintext = await decryptAttachment(base64(a, "ciphertext"), file);
    } catch (error) {
      throw new PeerError("failed", `cannot decrypt the attachment: ${error.message}`);
    }
    return { data: Buffer.from(plaintext).toString("base64"), sha256: await sha256Hex(plaintext) };
  },
  utdCount: (a) => peer.utdCount({ roomId: optional(a, "roomId", "string") }),
  deviceInfo: () => peer.deviceInfo(),
  stop: () => peer.stop(),
};

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    reply({ id: null, ok: false, error: { kind: "bad_request", message: "a command line must be one JSON object" } });
    return;
  }
  const id = request?.id ?? null;
  const name = request?.cmd;
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    const message = `unknown command '${name}'; known: ${Object.keys(commands).join(", ")}`;
    reply({ id, ok: false, error: { kind: "bad_request", message } });
    return;
  }
  const started = Date.now();
  log("debug", `-> #${id} ${name}`);
  try {
    const result = await command(request);
    log("debug", `<- #${id} ${name} ok in ${Date.now() - started} ms`);
    if (name === "stop") {
      reply({ id, ok: true, result }, () => process.exit(0));
    } else {
      reply({ id, ok: true, result });
    }
  } catch (thrown) {
    const error = asPeerError(thrown);
    log(error.kind === "failed" ? "error" : "info", `<- #${id} ${name} ${error.kind}: ${error.message}`);
    if (error.kind === "failed" && thrown?.stack) {
      log("debug", thrown.stack);
    }
    reply({ id, ok: false, error: { kind: error.kind, message: error.message, ...error.extra } });
  }
}

process.on("unhandledRejection", (reason) => log("warn", `unhandled rejection: ${reason?.message ?? reason}`));

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });
input.on("line", (line) => {
  if (line.trim()) {
    handle(line);
  }
});
// The driver went away: stop syncing and exit rather than linger.
input.on("close", () => {
  peer.stop();
  process.exit(0);
});
reply({ ready: true, matrixJsSdk: sdkVersion, node: process.version });
log("info", `ready: matrix-js-sdk ${sdkVersion} on node ${process.version}`);
