// The matrix-rust-sdk side of RoomKeyExportCrossCheckTest: reads one JSON request on stdin
// ({project, passphrase, export, rounds}), decrypts mxj's export with the Rust crypto's
// decryptExportedRoomKeys, encrypts those keys again with encryptExportedRoomKeys, and checks that a
// wrong passphrase is refused. Writes one JSON reply on stdout.
import { createRequire } from "node:module";

const input = JSON.parse(await new Promise((resolve) => {
    let text = "";
    process.stdin.on("data", (chunk) => (text += chunk));
    process.stdin.on("end", () => resolve(text));
}));
// resolved from the project that installed it (bench/js), through the package's own exports
const require = createRequire(input.project + "/package.json");
const wasm = require("@matrix-org/matrix-sdk-crypto-wasm");
await wasm.initAsync();
const decrypted = wasm.OlmMachine.decryptExportedRoomKeys(input.export, input.passphrase);
const reencrypted = wasm.OlmMachine.encryptExportedRoomKeys(decrypted, input.passphrase, input.rounds);
let wrongPassphrase = "accepted";
try {
    wasm.OlmMachine.decryptExportedRoomKeys(input.export, input.passphrase + "x");
} catch (e) {
    wrongPassphrase = String(e);
}
process.stdout.write(JSON.stringify({ decrypted, reencrypted, wrongPassphrase }));
