// matrix-js-sdk's Rust crypto (@matrix-org/matrix-sdk-crypto-wasm, the OlmMachine matrix-js-sdk's
// initRustCrypto drives) doing the workloads of mxj's E2eeBench, with every request answered in
// process by KeyServer: no network, memory stores (as initRustCrypto({useIndexedDB: false})).
//
//   share:   a new sender whose 100 peer devices are known from /keys/query: getMissingSessions,
//            the /keys/claim answer (built before the timer starts) handed back (signature checks,
//            Olm sessions), shareRoomKey (m.room_key Olm-encrypted to each device), the to-device
//            requests marked sent.
//   encrypt: sending 10,000 events into a room with one other device: encryptRoomEvent of each,
//            and every 100 events (the spec's rotation) the shareRoomKey that rotates the session
//            and sends the new key over Olm.
//   decrypt: a new reader that got those room keys over to-device decrypts the 10,000 stored
//            events in order.
//
// Each workload is timed in one section; to-device messages reach the server after it.
// Prints "SAMPLE <workload> <wall ms> <cpu ms>" per measured round, after the warm-up rounds. CPU
// time is process.cpuUsage() (the whole process, V8's compiler and GC threads included), as the
// Java side measures its whole process. Usage:
//   node e2ee-bench.mjs [--rounds 3] [--warmup 1] [--devices 100] [--events 10000] [--per-session 100]

import * as wasm from "@matrix-org/matrix-sdk-crypto-wasm";
import { KeyServer } from "./e2ee-keyserver.mjs";

const { OlmMachine, UserId, DeviceId, RoomId, RequestType, DeviceLists, EncryptionSettings, DecryptionSettings,
    TrustRequirement, KeysUploadRequest, KeysQueryRequest, KeysClaimRequest, ToDeviceRequest } = wasm;

const options = { rounds: 3, warmup: 1, devices: 100, events: 10000, "per-session": 100 };
for (let i = 2; i < process.argv.length; i += 2) {
    const name = process.argv[i].replace(/^--/, "");
    if (!(name in options) || process.argv[i + 1] === undefined) {
        console.error("usage: node e2ee-bench.mjs [--rounds N] [--warmup N] [--devices N] [--events N] [--per-session N]");
        process.exit(2);
    }
    options[name] = Number(process.argv[i + 1]);
}
if (options.events % options["per-session"] !== 0) {
    throw new Error("--events must be a multiple of --per-session");
}

await wasm.initAsync();
const server = new KeyServer();
const SERVER = "bench.local";

/** Wall and process CPU time of the sections between resume() and pause(). */
class Timer {
    wallMs = 0;
    cpuMs = 0;

    resume() {
        this.wall0 = process.hrtime.bigint();
        this.cpu0 = process.cpuUsage();
    }

    pause() {
        const cpu = process.cpuUsage(this.cpu0);
        this.wallMs += Number(process.hrtime.bigint() - this.wall0) / 1e6;
        this.cpuMs += (cpu.user + cpu.system) / 1000;
    }
}

/** A device: its OlmMachine and ids. */
class Device {
    static async create(user, device) {
        const d = new Device();
        d.user = user;
        d.device = device;
        d.machine = await OlmMachine.initialize(new UserId(user), new DeviceId(device));
        await d.flush();
        return d;
    }

    /** Answers one request in process and hands the answer back. */
    async send(request) {
        let response;
        if (request instanceof KeysUploadRequest) {
            response = server.upload(this.user, this.device, request.body);
        } else if (request instanceof KeysQueryRequest) {
            response = server.query(request.body);
        } else if (request instanceof KeysClaimRequest) {
            response = server.claim(request.body);
        } else if (request instanceof ToDeviceRequest) {
            response = server.toDevice(this.user, request.event_type, request.body);
        } else {
            throw new Error(`unexpected request ${request.constructor.name}`);
        }
        await this.machine.markRequestAsSent(request.id, request.type, response);
    }

    /** Sends every outgoing request until none is left. */
    async flush() {
        for (let i = 0; i < 20; i++) {
            const requests = await this.machine.outgoingRequests();
            if (requests.length === 0) return;
            for (const r of requests) await this.send(r);
        }
        throw new Error(`${this.user} keeps making requests`);
    }

    /** One sync: the device's to-device inbox and its one-time key count. */
    async sync() {
        const inbox = server.takeInbox(this.user, this.device);
        const counts = new Map([["signed_curve25519", server.oneTimeKeyCount(this.user, this.device)]]);
        await this.machine.receiveSyncChanges(JSON.stringify(inbox), new DeviceLists(), counts,
            new Set(["signed_curve25519"]));
        await this.flush();
        return inbox.length;
    }

    async track(users) {
        await this.machine.updateTrackedUsers(users.map((u) => new UserId(u)));
        await this.flush();
    }
}

/** The plaintext of the n-th event: about 200 characters of body, as mxj's side sends. */
function plaintext(n) {
    const start = `Message ${n}: `;
    return JSON.stringify({ msgtype: "m.text", body: start + "x".repeat(200 - start.length) });
}

function settings(rotationMessages) {
    const s = new EncryptionSettings();
    s.rotationPeriodMessages = BigInt(rotationMessages);
    return s;
}

const userIds = (users) => users.map((u) => new UserId(u));
const untrusted = new DecryptionSettings(TrustRequirement.Untrusted);

/** One round of the share workload; checks that every peer can read what the sender sends next. */
async function share(round, peers) {
    const sender = await Device.create(`@sharer${round}:${SERVER}`, "SHARER");
    const users = peers.map((p) => p.user);
    await sender.track(users);
    const room = new RoomId(`!share${round}:${SERVER}`);
    // The server's answer to the claim the sender is about to make, built beforehand: its work is
    // not the client's. Checked against the claim below.
    const wanted = Object.fromEntries(peers.map((p) => [p.user, { [p.device]: "signed_curve25519" }]));
    const claimed = server.claim(JSON.stringify({ one_time_keys: wanted }));
    const timer = new Timer();

    timer.resume();
    const claim = await sender.machine.getMissingSessions(userIds(users));
    await sender.machine.markRequestAsSent(claim.id, RequestType.KeysClaim, claimed);
    const requests = await sender.machine.shareRoomKey(room, userIds(users), settings(100));
    for (const r of requests) {
        await sender.machine.markRequestAsSent(r.id, RequestType.ToDevice, "{}");
    }
    timer.pause();

    const asked = Object.entries(JSON.parse(claim.body).one_time_keys)
        .flatMap(([user, devices]) => Object.entries(devices).map(([device, algorithm]) => `${user}|${device}|${algorithm}`));
    const all = Object.entries(wanted).map(([user, devices]) => `${user}|${Object.keys(devices)[0]}|signed_curve25519`);
    if (asked.length !== all.length || !all.every((k) => asked.includes(k))) {
        throw new Error("the sender claimed other keys than one per peer device");
    }
    for (const r of requests) server.toDevice(sender.user, r.event_type, r.body);
    const probe = await sender.machine.encryptRoomEvent(room, "m.room.message", plaintext(-1));
    const event = `{"type":"m.room.encrypted","event_id":"$probe${round}","sender":"${sender.user}",`
        + `"origin_server_ts":1,"room_id":"${room.toString()}","content":${probe}}`;
    let read = 0;
    for (const peer of peers) {
        await peer.sync();
        const decrypted = await peer.machine.decryptRoomEvent(event, new RoomId(room.toString()), untrusted);
        if (JSON.parse(decrypted.event).content.body.startsWith("Message -1:")) read++;
    }
    if (read !== peers.length) throw new Error(`only ${read} of ${peers.length} peers got the room key`);
    sender.machine.close();
    return timer;
}

/** One round of encrypting the history and reading it back on a new device. */
async function history(round, writer) {
    const reader = await Device.create(`@reader${round}:${SERVER}`, "READER");
    const users = [writer.user, reader.user];
    await writer.track(users);
    const roomName = `!history${round}:${SERVER}`;
    const claim = await writer.machine.getMissingSessions(userIds(users));
    if (claim) await writer.send(claim);
    const perSession = options["per-session"];
    const encrypt = new Timer();
    const events = [];
    const shares = [];
    const sessions = new Set();
    encrypt.resume();
    for (let s = 0; s < options.events / perSession; s++) {
        // The share that rotates the session every perSession events (to the reader's one device),
        // then the session's events.
        for (const r of await writer.machine.shareRoomKey(new RoomId(roomName), userIds(users), settings(perSession))) {
            shares.push(r);
            await writer.machine.markRequestAsSent(r.id, RequestType.ToDevice, "{}");
        }
        const room = new RoomId(roomName);
        for (let i = 0; i < perSession; i++) {
            events.push(await writer.machine.encryptRoomEvent(room, "m.room.message", plaintext(events.length)));
        }
    }
    encrypt.pause();
    for (const r of shares) server.toDevice(writer.user, r.event_type, r.body);
    const stored = events.map((content, n) => `{"type":"m.room.encrypted","event_id":"$h${round}_${n}",`
        + `"sender":"${writer.user}","origin_server_ts":${1000 + n},"room_id":"${roomName}","content":${content}}`);
    for (const content of events) sessions.add(JSON.parse(content).session_id);
    if (sessions.size !== options.events / perSession) throw new Error(`${sessions.size} sessions, not ${options.events / perSession}`);

    const keys = await reader.sync();
    await reader.track([writer.user]);
    const decrypt = new Timer();
    const room = new RoomId(roomName);
    const plain = [];
    decrypt.resume();
    for (const event of stored) {
        // matrix-js-sdk parses the event text it gets back; mxj hands back parsed content.
        plain.push(JSON.parse((await reader.machine.decryptRoomEvent(event, room, untrusted)).event));
    }
    decrypt.pause();
    plain.forEach((decrypted, n) => {
        if (decrypted.content.body !== JSON.parse(plaintext(n)).body) throw new Error(`event ${n} decrypted wrongly`);
    });
    if (keys < sessions.size) throw new Error(`the reader got ${keys} room keys for ${sessions.size} sessions`);
    reader.machine.close();
    return { encrypt, decrypt };
}

const versions = wasm.getVersions();
console.log(`INFO matrix-sdk-crypto-wasm ${versions.git_description} (matrix-sdk-crypto ${versions.matrix_sdk_crypto}`
    + `, vodozemac ${versions.vodozemac}); node ${process.version}`);
const peers = [];
for (let i = 0; i < options.devices; i++) {
    peers.push(await Device.create(`@peer${i}:${SERVER}`, `PEER${i}`));
}
const writer = await Device.create(`@writer:${SERVER}`, "WRITER");
for (let round = 0; round < options.warmup + options.rounds; round++) {
    const shared = await share(round, peers);
    const { encrypt, decrypt } = await history(round, writer);
    if (round >= options.warmup) {
        console.log(`SAMPLE share ${shared.wallMs.toFixed(3)} ${shared.cpuMs.toFixed(3)}`);
        console.log(`SAMPLE encrypt ${encrypt.wallMs.toFixed(3)} ${encrypt.cpuMs.toFixed(3)}`);
        console.log(`SAMPLE decrypt ${decrypt.wallMs.toFixed(3)} ${decrypt.cpuMs.toFixed(3)}`);
    }
}
