// What the peer received: every timeline event seen by the client, per room, with its decryption
// state, and the files behind file messages (downloaded, checked, decrypted, hashed).
import * as sdk from "matrix-js-sdk";
import { decryptAttachment, sha256Hex } from "./attachments.mjs";
import { PeerError, sleep } from "./waits.mjs";
import { log } from "./stdio.mjs";

const FILE_TYPES = new Set(["m.file", "m.image", "m.video", "m.audio"]);
const RANK = { pending: 0, utd: 1, decrypted: 2 };

/** decrypted (or plain), utd, pending (encrypted, not decrypted yet), or null for other events. */
function classify(event) {
  if (event.isDecryptionFailure()) {
    return "utd";
  }
  if (event.getType() === "m.room.message") {
    return "decrypted";
  }
  return event.getWireType() === "m.room.encrypted" && !event.isState() ? "pending" : null;
}

function fileUrl(content) {
  if (!FILE_TYPES.has(content.msgtype)) {
    return null;
  }
  return content.file?.url ?? content.url ?? null;
}

export class Inbox {
  /** roomId -> MatrixEvent[] in timeline order (one event may appear twice: deduplicated on read) */
  rooms = new Map();
  /** eventId -> Promise<{sha256, size, bytes, encrypted}> */
  files = new Map();
  authenticatedMedia = null;

  constructor(client) {
    this.client = client;
    client.on(sdk.RoomEvent.Timeline, (event, room, toStartOfTimeline) => {
      const roomId = room?.roomId ?? event.getRoomId();
      if (!roomId || event.isState()) {
        return;
      }
      let list = this.rooms.get(roomId);
      if (!list) {
        list = [];
        this.rooms.set(roomId, list);
      }
      if (!list.includes(event)) {
        if (toStartOfTimeline) list.unshift(event);
        else list.push(event);
      }
    });
  }

  /** The room's messages from a sender (all senders if null), one entry per event id. */
  messages(roomId, sender) {
    const byId = new Map();
    for (const event of this.rooms.get(roomId) ?? []) {
      const id = event.getId();
      if (!id || id.startsWith("~") || (sender && event.getSender() !== sender)) {
        continue; // a local echo not yet sent, or another sender
      }
      const state = classify(event);
      const prior = byId.get(id);
      if (state && (!prior || RANK[state] > RANK[prior.state])) {
        byId.set(id, { event, state });
      }
    }
    return [...byId.values()];
  }

  /** Waits until `count` messages from `sender` are decrypted (or, with allowUtd, settled). */
  async waitForMessages({ roomId, sender, count, timeoutMs, allowUtd }) {
    const counts = (m) => m.state === "decrypted" || (allowUtd && m.state === "utd");
    const deadline = Date.now() + timeoutMs;
    let found = this.messages(roomId, sender);
    while (found.filter(counts).length < count && Date.now() < deadline) {
      await sleep(50);
      found = this.messages(roomId, sender);
    }
    const complete = found.filter(counts).length >= count;
    return { complete, messages: await Promise.all(found.map((m) => this.describe(m))) };
  }

  async describe({ event, state }) {
    const out = {
      eventId: event.getId(),
      sender: event.getSender(),
      encrypted: event.isEncrypted(),
      state,
    };
    if (state === "utd") {
      out.utdReason = event.decryptionFailureReason ?? "UNKNOWN_ERROR";
    }
    if (state !== "decrypted") {
      return out;
    }
    const content = event.getContent();
    out.msgtype = content.msgtype ?? null;
    out.body = typeof content.body === "string" ? content.body : null;
    if (fileUrl(content)) {
      try {
        const file = await this.file(event);
        out.file = { sha256: file.sha256, size: file.size, encrypted: file.encrypted, mimetype: content.info?.mimetype ?? null };
      } catch (error) {
        out.fileError = error.message;
      }
    }
    return out;
  }

  /** Downloads, checks and decrypts the file of a file message. */
  async downloadFile({ roomId, eventId, includeData }) {
    const event = await this.find(roomId, eventId);
    if (event.isDecryptionFailure()) {
      throw new PeerError("failed", `event ${eventId} could not be decrypted (${event.decryptionFailureReason})`);
    }
    const content = event.getContent();
    if (!fileUrl(content)) {
      throw new PeerError("bad_request", `event ${eventId} is not a file message (type ${event.getType()}, msgtype ${content.msgtype})`);
    }
    const file = await this.file(event);
    return {
      sha256: file.sha256,
      size: file.size,
      encrypted: file.encrypted,
      ...(includeData ? { data: Buffer.from(file.bytes).toString("base64") } : {}),
    };
  }

  /** Events whose decryption failed and still fails, in one room or all. */
  undecryptable(roomId) {
    const events = [];
    for (const id of roomId ? [roomId] : this.rooms.keys()) {
      for (const { event, state } of this.messages(id, null)) {
        if (state === "utd") {
          events.push({ roomId: id, eventId: event.getId(), sender: event.getSender(), reason: event.decryptionFailureReason });
        }
      }
    }
    return { count: events.length, events };
  }

  async find(roomId, eventId) {
    const known = this.messages(roomId, null).find((m) => m.event.getId() === eventId);
    if (known) {
      return known.event;
    }
    const event = this.client.getEventMapper({ decrypt: false })(await this.client.fetchRoomEvent(roomId, eventId));
    await this.client.decryptEventIfNeeded(event);
    return event;
  }

  file(event) {
    const id = event.getId();
    let result = this.files.get(id);
    if (!result) {
      result = this.fetchFile(event.getContent());
      this.files.set(id, result);
      result.catch(() => this.files.delete(id));
    }
    return result;
  }

  async fetchFile(content) {
    const encrypted = content.file !== undefined;
    const ciphertext = await this.download(fileUrl(content));
    const bytes = encrypted ? await decryptAttachment(ciphertext, content.file) : ciphertext;
    return { sha256: await sha256Hex(bytes), size: bytes.length, bytes, encrypted };
  }

  /** Downloads media, authenticated (/_matrix/client/v1/media) where the server supports it. */
  async download(mxc) {
    if (this.authenticatedMedia === null) {
      const versions = await this.client.getVersions();
      this.authenticatedMedia = (versions.versions ?? []).includes("v1.11")
        || versions.unstable_features?.["org.matrix.msc3916.stable"] === true;
    }
    const url = this.client.mxcUrlToHttp(mxc, undefined, undefined, undefined, false, true, this.authenticatedMedia);
    if (!url) {
      throw new PeerError("bad_request", `'${mxc}' is not an mxc:// URI`);
    }
    log("debug", `downloading ${mxc} (authenticated media: ${this.authenticatedMedia})`);
    const headers = this.authenticatedMedia ? { Authorization: `Bearer ${this.client.getAccessToken()}` } : {};
    const response = await fetch(url, { headers });
    if (!response.ok) {
      throw new PeerError("matrix", `downloading ${mxc} failed with HTTP ${response.status}`, { httpStatus: response.status });
    }
    return new Uint8Array(await response.arrayBuffer());
  }
}
