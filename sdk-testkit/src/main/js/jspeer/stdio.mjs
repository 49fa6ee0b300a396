// Keeps stdout for protocol replies only. Imported first by peer.mjs, before matrix-js-sdk, so that
// nothing any library prints (console.log, console.info and console.debug write to stdout in Node)
// can corrupt the protocol: every console method and every other stdout write goes to stderr.
import { Console } from "node:console";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 };
const level = LEVELS[(process.env.MXJ_JSPEER_LOG ?? "debug").toLowerCase()] ?? LEVELS.debug;
const name = process.env.MXJ_JSPEER_NAME ?? "jspeer";

const replyWrite = process.stdout.write.bind(process.stdout);
const stderr = new Console({ stdout: process.stderr, stderr: process.stderr });

function filtered(method, methodLevel) {
  return (...args) => {
    if (methodLevel >= level) {
      stderr[method](...args);
    }
  };
}

console.trace = filtered("debug", LEVELS.debug);
console.debug = filtered("debug", LEVELS.debug);
console.log = filtered("log", LEVELS.info);
console.info = filtered("info", LEVELS.info);
console.dir = filtered("dir", LEVELS.info);
console.table = filtered("table", LEVELS.info);
console.warn = filtered("warn", LEVELS.warn);
console.error = filtered("error", LEVELS.error);
process.stdout.write = process.stderr.write.bind(process.stderr);

// The driver closed our stdout: nobody can read replies any more.
process.stdout.on("error", () => process.exit(0));

/** Writes one protocol reply line to the real stdout. */
export function reply(message, callback) {
  replyWrite(JSON.stringify(message) + "\n", callback);
}

/**
 * The peer's own log line on stderr. Callers pass ids, counts and names only: never an access token,
 * a password, a key or message text.
 */
export function log(levelName, text) {
  if ((LEVELS[levelName] ?? LEVELS.info) >= level) {
    process.stderr.write(`${new Date().toISOString()} ${levelName.toUpperCase()} [${name}] ${text}\n`);
  }
}
