// One matrix-js-sdk client with Rust crypto (in memory), driven command by command.
import * as sdk from "matrix-js-sdk";
import { logger } from "matrix-js-sdk/lib/logger.js";
import { AllDevicesIsolationMode } from "matrix-js-sdk/lib/crypto-api/index.js";
import { log } from "./stdio.mjs";
import { PeerError, waitFor } from "./waits.mjs";
import { Inbox } from "./inbox.mjs";
import { encryptAttachment, sha256Hex } from "./attachments.mjs";

logger.setLevel("debug", false);

const MEGOLM = "m.megolm.v1.aes-sha2";

export class Peer {
  client = null;
  started = false;
  inbox = null;

  /** Logs in with a password on the given device id, then sets up Rust crypto in memory. */
  async login({ homeserverUrl, userId, password, deviceId, displayName }) {
    if (this.client) {
      throw new PeerError("state", `already logged in as ${this.client.getUserId()}; start another peer for another device`);
    }
    const loginClient = sdk.createClient({ baseUrl: homeserverUrl });
    const response = await loginClient.loginRequest({
      type: "m.login.password",
      identifier: { type: "m.id.user", user: userId },
      password,
      ...(deviceId ? { device_id: deviceId } : {}),
      initial_device_display_name: displayName ?? `mxj jspeer ${deviceId ?? ""}`.trim(),
    });
    const client = sdk.createClient({
      baseUrl: homeserverUrl,
      userId: response.user_id,
      deviceId: response.device_id,
      accessToken: response.access_token,
      store: new sdk.MemoryStore(),
      verificationMethods: [],
    });
    await client.initRustCrypto({ useIndexedDB: false });
    const crypto = client.getCrypto();
    // Element's defaults, set explicitly: share room keys with every device, verified or not, and
    // decrypt from every device.
    crypto.globalBlacklistUnverifiedDevices = false;
    crypto.setDeviceIsolationMode(new AllDevicesIsolationMode(false));
    this.client = client;
    this.inbox = new Inbox(client);
    log("info", `logged in as ${response.user_id} on device ${response.device_id}; ${crypto.getVersion()}`);
    return {
      userId: response.user_id,
      deviceId: response.device_id,
      accessToken: response.access_token,
      cryptoVersion: crypto.getVersion(),
    };
  }

  /** Starts syncing; returns after the first sync and once the server has this device's keys. */
  async start({ timeoutMs }) {
    const client = this.loggedIn();
    if (this.started) {
      throw new PeerError("state", "already started");
    }
    this.started = true;
    let lastState = "not started";
    let lastError = "";
    let prepared = false;
    client.on(sdk.ClientEvent.Sync, (state, _previous, data) => {
      lastState = state;
      if (state === "ERROR") {
        lastError = data?.error?.message ?? "";
        log("warn", `sync error: ${lastError}`);
      }
      prepared ||= state === "PREPARED" || state === "SYNCING";
    });
    await client.startClient({ initialSyncLimit: 50, lazyLoadMembers: false });
    await waitFor("the first sync", timeoutMs, () => prepared, () => `sync state ${lastState} ${lastError}`);
    const userId = client.getUserId();
    const deviceId = client.getDeviceId();
    await waitFor("this device's keys on the server", timeoutMs, async () => {
      const keys = await client.downloadKeysForUsers([userId]);
      return keys.device_keys?.[userId]?.[deviceId] !== undefined;
    });
    log("info", "syncing; device keys uploaded");
    return { syncState: lastState };
  }

  async createRoom({ name, encrypted, invite, historyVisibility, preset, rotationPeriodMs, rotationPeriodMsgs, timeoutMs }) {
    const client = this.syncing();
    const initialState = [];
    if (encrypted) {
      const content = { algorithm: MEGOLM };
      if (rotationPeriodMs !== undefined) content.rotation_period_ms = rotationPeriodMs;
      if (rotationPeriodMsgs !== undefined) content.rotation_period_msgs = rotationPeriodMsgs;
      initialState.push({ type: "m.room.encryption", state_key: "", content });
    }
    if (historyVisibility) {
      initialState.push({ type: "m.room.history_visibility", state_key: "", content: { history_visibility: historyVisibility } });
    }
    const { room_id: roomId } = await client.createRoom({
      ...(name ? { name } : {}),
      invite,
      preset: preset ?? "private_chat",
      initial_state: initialState,
    });
    log("info", `created room ${roomId} (encrypted: ${encrypted}, invited: ${invite.length})`);
    await this.readyRoom(roomId, timeoutMs);
    for (const userId of invite) {
      await this.waitForMember({ roomId, userId, membership: "invite", timeoutMs });
    }
    return { roomId, encrypted: await this.isEncrypted(roomId) };
  }

  async join({ roomId, timeoutMs }) {
    const client = this.syncing();
    const room = await client.joinRoom(roomId);
    await this.readyRoom(room.roomId, timeoutMs);
    log("info", `joined ${room.roomId}`);
    return { roomId: room.roomId, encrypted: await this.isEncrypted(room.roomId) };
  }

  async invite({ roomId, userId, timeoutMs }) {
    await this.syncing().invite(roomId, userId);
    await this.waitForMember({ roomId, userId, membership: "invite", timeoutMs });
    return {};
  }

  async leave({ roomId, timeoutMs }) {
    const client = this.syncing();
    await client.leave(roomId);
    await waitFor(`leaving ${roomId}`, timeoutMs, () => {
      const room = client.getRoom(roomId);
      return !room || room.getMyMembership() === "leave";
    });
    log("info", `left ${roomId}`);
    return {};
  }

  /** Waits until this peer's client sees `userId` with the given membership in the room. */
  async waitForMember({ roomId, userId, membership, timeoutMs }) {
    const client = this.syncing();
    await waitFor(`${userId} to be '${membership}' in ${roomId}`, timeoutMs,
      () => client.getRoom(roomId)?.getMember(userId)?.membership === membership,
      () => `membership is ${client.getRoom(roomId)?.getMember(userId)?.membership ?? "unknown"}`);
    return { membership };
  }

  /**
   * Waits until this peer's crypto knows a device: call it before sending when a user just added a
   * device, else the peer may not share the room key with it yet.
   */
  async waitForDevice({ userId, deviceId, timeoutMs }) {
    const crypto = this.syncing().getCrypto();
    const device = await waitFor(`device ${deviceId} of ${userId}`, timeoutMs, async () =>
      (await crypto.getUserDeviceInfo([userId], true)).get(userId)?.get(deviceId),
    async () => {
      const known = [...((await crypto.getUserDeviceInfo([userId], true)).get(userId)?.keys() ?? [])];
      return `known devices: [${known.join(", ")}]`;
    });
    return { ed25519: device.getFingerprint() ?? null, curve25519: device.getIdentityKey() ?? null };
  }

  async send({ roomId, body, msgtype, timeoutMs }) {
    const client = this.syncing();
    await this.readyRoom(roomId, timeoutMs);
    const encrypted = await this.isEncrypted(roomId);
    const response = await client.sendEvent(roomId, "m.room.message", { msgtype: msgtype ?? "m.text", body });
    log("info", `sent ${response.event_id} to ${roomId} (encrypted: ${encrypted})`);
    return { eventId: response.event_id, encrypted };
  }

  /** Uploads a file (encrypted in an encrypted room, as Element does) and sends its event. */
  async sendFile({ roomId, name, mimetype, data, msgtype, timeoutMs }) {
    const client = this.syncing();
    await this.readyRoom(roomId, timeoutMs);
    const encrypted = await this.isEncrypted(roomId);
    const content = { msgtype: msgtype ?? "m.file", body: name, info: { mimetype, size: data.length } };
    let url;
    if (encrypted) {
      const { ciphertext, file } = await encryptAttachment(data);
      url = (await client.uploadContent(ciphertext, { type: "application/octet-stream", includeFilename: false })).content_uri;
      content.file = { ...file, url };
    } else {
      url = (await client.uploadContent(data, { type: mimetype, name })).content_uri;
      content.url = url;
    }
    const response = await client.sendEvent(roomId, "m.room.message", content);
    log("info", `sent file ${response.event_id} (${data.length} bytes, encrypted: ${encrypted}) to ${roomId}`);
    return { eventId: response.event_id, url, sha256: await sha256Hex(data), size: data.length, encrypted };
  }

  waitForMessages(args) {
    this.syncing();
    return this.inbox.waitForMessages(args);
  }

  downloadFile(args) {
    this.syncing();
    return this.inbox.downloadFile(args);
  }

  utdCount({ roomId }) {
    this.loggedIn();
    return this.inbox.undecryptable(roomId);
  }

  async deviceInfo() {
    const client = this.loggedIn();
    const keys = await client.getCrypto().getOwnDeviceKeys();
    return { userId: client.getUserId(), deviceId: client.getDeviceId(), ed25519: keys.ed25519, curve25519: keys.curve25519 };
  }

  /** Stops syncing and crypto. */
  stop() {
    if (this.client) {
      this.client.stopClient();
      log("info", "stopped");
    }
    return {};
  }

  /**
   * Waits until the room is joined in this client and, if it has an m.room.encryption state event,
   * until the crypto layer knows too. Before that, matrix-js-sdk would send in the clear (a room it
   * does not know) or fail to encrypt (a room its crypto has not configured yet).
   */
  async readyRoom(roomId, timeoutMs) {
    const client = this.client;
    await waitFor(`room ${roomId} to be joined and set up`, timeoutMs, async () => {
      const room = client.getRoom(roomId);
      if (!room || room.getMyMembership() !== "join") {
        return false;
      }
      return !room.hasEncryptionStateEvent() || await this.isEncrypted(roomId);
    }, async () => {
      const room = client.getRoom(roomId);
      if (!room) return "the client has not seen the room in a sync yet";
      return `membership ${room.getMyMembership()}, encryption state event: ${room.hasEncryptionStateEvent()},`
        + ` encryption known to crypto: ${await this.isEncrypted(roomId)}`;
    });
  }

  isEncrypted(roomId) {
    return this.client.getCrypto().isEncryptionEnabledInRoom(roomId);
  }

  loggedIn() {
    if (!this.client) {
      throw new PeerError("state", "not logged in: send 'login' first");
    }
    return this.client;
  }

  syncing() {
    const client = this.loggedIn();
    if (!this.started) {
      throw new PeerError("state", "not syncing: send 'start' first");
    }
    return client;
  }
}
