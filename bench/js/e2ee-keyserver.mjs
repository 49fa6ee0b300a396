// The key and to-device endpoints of a homeserver, in memory, for bench/js/e2ee-bench.mjs: the
// same answers bench's Java KeyServer gives mxj's machines. Bodies go in and out as JSON text, as
// they would over HTTP. Each one-time key is handed out once; the fallback key after that.

/** An in-memory /keys/upload, /keys/query, /keys/claim and /sendToDevice. */
export class KeyServer {
    constructor() {
        /** user -> device -> signed device_keys object */
        this.deviceKeys = new Map();
        /** "user|device" -> [[keyId, key], ...] not yet claimed */
        this.oneTimeKeys = new Map();
        /** "user|device" -> {keyId: key} */
        this.fallbackKeys = new Map();
        /** "user|device" -> to-device events waiting for the device's next sync */
        this.inboxes = new Map();
    }

    /** POST /keys/upload by `user`'s `device`; returns the response text. */
    upload(user, device, bodyText) {
        const body = JSON.parse(bodyText);
        const key = `${user}|${device}`;
        if (body.device_keys) {
            if (!this.deviceKeys.has(user)) this.deviceKeys.set(user, new Map());
            this.deviceKeys.get(user).set(device, body.device_keys);
        }
        const keys = this.oneTimeKeys.get(key) ?? [];
        for (const [id, otk] of Object.entries(body.one_time_keys ?? {})) keys.push([id, otk]);
        this.oneTimeKeys.set(key, keys);
        for (const [id, fallback] of Object.entries(body.fallback_keys ?? {})) {
            this.fallbackKeys.set(key, { [id]: fallback });
        }
        return JSON.stringify({ one_time_key_counts: { signed_curve25519: keys.length } });
    }

    /** POST /keys/query; returns the response text. */
    query(bodyText) {
        const body = JSON.parse(bodyText);
        const out = {};
        for (const user of Object.keys(body.device_keys ?? {})) {
            out[user] = Object.fromEntries(this.deviceKeys.get(user) ?? new Map());
        }
        return JSON.stringify({ device_keys: out, failures: {} });
    }

    /** POST /keys/claim; returns the response text. */
    claim(bodyText) {
        const body = JSON.parse(bodyText);
        const out = {};
        for (const [user, devices] of Object.entries(body.one_time_keys ?? {})) {
            out[user] = {};
            for (const device of Object.keys(devices)) {
                const key = `${user}|${device}`;
                const keys = this.oneTimeKeys.get(key) ?? [];
                if (keys.length > 0) {
                    const [id, otk] = keys.shift();
                    out[user][device] = { [id]: otk };
                } else if (this.fallbackKeys.has(key)) {
                    out[user][device] = this.fallbackKeys.get(key);
                }
            }
        }
        return JSON.stringify({ one_time_keys: out, failures: {} });
    }

    /** PUT /sendToDevice/{eventType}/{txnId} by `sender`; returns the response text. */
    toDevice(sender, eventType, bodyText) {
        const body = JSON.parse(bodyText);
        for (const [user, devices] of Object.entries(body.messages ?? {})) {
            for (const [device, content] of Object.entries(devices)) {
                const targets = device === "*" ? [...(this.deviceKeys.get(user) ?? new Map()).keys()] : [device];
                for (const target of targets) {
                    const key = `${user}|${target}`;
                    if (!this.inboxes.has(key)) this.inboxes.set(key, []);
                    this.inboxes.get(key).push({ type: eventType, sender, content });
                }
            }
        }
        return "{}";
    }

    /** Takes the to-device events waiting for a device. */
    takeInbox(user, device) {
        const key = `${user}|${device}`;
        const events = this.inboxes.get(key) ?? [];
        this.inboxes.delete(key);
        return events;
    }

    /** How many one-time keys of a device are left to claim. */
    oneTimeKeyCount(user, device) {
        return (this.oneTimeKeys.get(`${user}|${device}`) ?? []).length;
    }
}
