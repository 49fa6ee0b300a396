"""Cross-check peer over vodozemac (the `vodozemac` package from PyPI: Python bindings to the Rust
library), run with the virtual environment's Python, ${MXJ_CACHE_DIR:-~/.cache/mxj}/pyvenv.

Driven by VodozemacCrossCheckTest; see peer_common.py for the protocol. With the argument "bench"
it runs the benchmark workloads instead (scripts/bench crypto).

Two things about the bindings worth knowing:
* AnyOlmMessage.to_parts() / from_parts() carry the *decoded* ciphertext bytes, not base64.
* Message.to_base64() (PK) returns (ephemeral_key, mac, ciphertext), not the order of
  Message.from_base64(ciphertext, mac, ephemeral_key); this peer uses the byte attributes.
"""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from peer_common import Handles, PLAINTEXT, b64, bench_main, serve, unavailable, unb64  # noqa: E402

try:
    import vodozemac as vz
    from importlib.metadata import version

    VODOZEMAC_VERSION = version("vodozemac")
except ImportError as e:
    unavailable("vodozemac cannot be imported by %s: %s" % (sys.executable, e))

H = Handles()


def _curve(key):
    return vz.Curve25519PublicKey.from_base64(key)


def hello(r):
    return {"impl": "vodozemac", "version": VODOZEMAC_VERSION}


def _account(account):
    return {"h": H.put(account), "curve25519": account.curve25519_key.to_base64(),
            "ed25519": account.ed25519_key.to_base64()}


def account_new(r):
    return _account(vz.Account())


def account_from_libolm_pickle(r):
    return _account(vz.Account.from_libolm_pickle(r["pickle"], unb64(r["key"])))


def account_one_time_keys(r):
    account = H[r["h"]]
    account.generate_one_time_keys(r["count"])
    keys = [key.to_base64() for key in account.one_time_keys.values()]
    account.mark_keys_as_published()
    return {"keys": keys}


def account_sign(r):
    return {"signature": H[r["h"]].sign(unb64(r["message"])).to_base64()}


def olm_outbound(r):
    session = H[r["account"]].create_outbound_session(_curve(r["identity_key"]), _curve(r["one_time_key"]))
    return {"h": H.put(session), "session_id": session.session_id}


def olm_inbound(r):
    message = vz.PreKeyMessage.from_base64(r["ciphertext"])
    session, plaintext = H[r["account"]].create_inbound_session(_curve(r["identity_key"]), message)
    return {"h": H.put(session), "session_id": session.session_id, "plaintext": b64(plaintext)}


def olm_session_from_libolm_pickle(r):
    session = vz.Session.from_libolm_pickle(r["pickle"], unb64(r["key"]))
    return {"h": H.put(session), "session_id": session.session_id}


def olm_encrypt(r):
    kind, ciphertext = H[r["h"]].encrypt(unb64(r["plaintext"])).to_parts()
    return {"type": kind, "ciphertext": b64(ciphertext)}


def olm_decrypt(r):
    message = vz.AnyOlmMessage.from_parts(r["type"], unb64(r["ciphertext"]))
    return {"plaintext": b64(H[r["h"]].decrypt(message))}


def megolm_outbound(r):
    session = vz.GroupSession()
    return {"h": H.put(session), "session_id": session.session_id,
            "session_key": session.session_key.to_base64(), "message_index": session.message_index}


def megolm_encrypt(r):
    session = H[r["h"]]
    return {"ciphertext": session.encrypt(unb64(r["plaintext"])).to_base64(),
            "message_index": session.message_index}


def _inbound(session):
    return {"h": H.put(session), "session_id": session.session_id,
            "first_known_index": session.first_known_index}


def megolm_inbound(r):
    return _inbound(vz.InboundGroupSession(vz.SessionKey(r["session_key"])))


def megolm_import(r):
    return _inbound(vz.InboundGroupSession.import_session(vz.ExportedSessionKey(r["exported"])))


def megolm_from_libolm_pickle(r):
    return _inbound(vz.InboundGroupSession.from_libolm_pickle(r["pickle"], unb64(r["key"])))


def megolm_decrypt(r):
    decrypted = H[r["h"]].decrypt(vz.MegolmMessage.from_base64(r["ciphertext"]))
    return {"plaintext": b64(decrypted.plaintext), "message_index": decrypted.message_index}


def megolm_export(r):
    exported = H[r["h"]].export_at(r["index"])
    if exported is None:
        raise ValueError("no export at index %d" % r["index"])
    return {"exported": exported.to_base64()}


def _pk_decryption(decryption):
    return {"h": H.put(decryption), "public_key": decryption.public_key.to_base64()}


def pk_decryption_new(r):
    return _pk_decryption(vz.PkDecryption())


def pk_decryption_from_private_key(r):
    return _pk_decryption(vz.PkDecryption.from_key(vz.Curve25519SecretKey.from_bytes(unb64(r["private_key"]))))


def pk_encrypt(r):
    message = vz.PkEncryption.from_key(_curve(r["public_key"])).encrypt(unb64(r["plaintext"]))
    return {"ciphertext": b64(message.ciphertext), "mac": b64(message.mac),
            "ephemeral_key": b64(message.ephemeral_key)}


def pk_decrypt(r):
    message = vz.Message(unb64(r["ciphertext"]), unb64(r["mac"]), unb64(r["ephemeral_key"]))
    return {"plaintext": b64(H[r["h"]].decrypt(message))}


def ed25519_verify(r):
    key = vz.Ed25519PublicKey.from_base64(r["public_key"])
    try:
        key.verify_signature(unb64(r["message"]), vz.Ed25519Signature.from_base64(r["signature"]))
        return {"valid": True}
    except vz.SignatureException as e:
        return {"valid": False, "reason": str(e)}


def sas_new(r):
    sas = vz.Sas()
    return {"h": H.put(sas), "public_key": sas.public_key.to_base64()}


def sas_set_their_key(r):
    # diffie_hellman consumes the Sas; the handle now names the established one.
    H[r["h"]] = H[r["h"]].diffie_hellman(_curve(r["public_key"]))
    return {}


def sas_bytes(r):
    generated = H[r["h"]].bytes(r["info"])
    return {"emoji": list(generated.emoji_indices), "decimals": list(generated.decimals)}


def sas_mac(r):
    sas = H[r["h"]]
    variant = {"v2": sas.calculate_mac, "v1": sas.calculate_mac_invalid_base64}[r["variant"]]
    return {"mac": variant(r["input"], r["info"])}


def sas_verify_mac(r):
    try:
        H[r["h"]].verify_mac(r["input"], r["info"], r["mac"])
        return {"valid": True}
    except vz.SasException as e:
        return {"valid": False, "reason": str(e)}


def free(r):
    H.drop(r["h"])
    return {}


OPS = {f.__name__: f for f in [
    hello, account_new, account_from_libolm_pickle, account_one_time_keys, account_sign, olm_outbound,
    olm_inbound, olm_session_from_libolm_pickle, olm_encrypt, olm_decrypt, megolm_outbound, megolm_encrypt,
    megolm_inbound, megolm_import, megolm_from_libolm_pickle, megolm_decrypt, megolm_export,
    pk_decryption_new, pk_decryption_from_private_key, pk_encrypt, pk_decrypt, ed25519_verify, sas_new,
    sas_set_their_key, sas_bytes, sas_mac, sas_verify_mac, free]}


# --- Benchmark workloads (the same as CryptoBench's; see peer_common.measure) ---------------
# Inputs are the base64 strings a client receives, so parsing them is part of each operation,
# as it is for libolm (which takes base64).

MEGOLM_BATCH = 1000
OLM_BATCH = 1000
SESSION_ACCOUNTS = 4  # bob accounts per session-creation batch, each with 50 one-time keys
SESSION_KEYS = 50


def _megolm_encrypt_setup():
    return vz.GroupSession()


def _megolm_encrypt_run(session):
    for _ in range(MEGOLM_BATCH):
        session.encrypt(PLAINTEXT).to_base64()


def _megolm_decrypt_setup():
    outbound = vz.GroupSession()
    inbound = vz.InboundGroupSession(outbound.session_key)
    return inbound, [outbound.encrypt(PLAINTEXT).to_base64() for _ in range(MEGOLM_BATCH)]


def _megolm_decrypt_run(state):
    inbound, messages = state
    for message in messages:
        inbound.decrypt(vz.MegolmMessage.from_base64(message))


def _session_setup():
    alice = vz.Account()
    bobs = []
    for _ in range(SESSION_ACCOUNTS):
        bob = vz.Account()
        bob.generate_one_time_keys(SESSION_KEYS)
        keys = [key.to_base64() for key in bob.one_time_keys.values()]
        bob.mark_keys_as_published()
        bobs.append((bob, bob.curve25519_key.to_base64(), keys))
    return alice, alice.curve25519_key.to_base64(), bobs


def _session_run(state):
    alice, alice_key, bobs = state
    for bob, bob_key, keys in bobs:
        for key in keys:
            outbound = alice.create_outbound_session(_curve(bob_key), _curve(key))
            kind, ciphertext = outbound.encrypt(PLAINTEXT).to_parts()
            message = vz.PreKeyMessage.from_base64(b64(ciphertext))
            bob.create_inbound_session(_curve(alice_key), message)


def _olm_pair():
    """An established pair: alice has received a reply, so her messages are normal (type 1)."""
    alice, bob = vz.Account(), vz.Account()
    bob.generate_one_time_keys(1)
    key = list(bob.one_time_keys.values())[0]
    outbound = alice.create_outbound_session(bob.curve25519_key, key)
    inbound, _ = bob.create_inbound_session(alice.curve25519_key, outbound.encrypt(PLAINTEXT).to_pre_key())
    outbound.decrypt(inbound.encrypt(PLAINTEXT))
    return outbound, inbound


def _olm_encrypt_run(pair):
    outbound, _ = pair
    for _ in range(OLM_BATCH):
        kind, ciphertext = outbound.encrypt(PLAINTEXT).to_parts()
        b64(ciphertext)


def _olm_decrypt_setup():
    outbound, inbound = _olm_pair()
    messages = []
    for _ in range(OLM_BATCH):
        kind, ciphertext = outbound.encrypt(PLAINTEXT).to_parts()
        messages.append((kind, b64(ciphertext)))
    return inbound, messages


def _olm_decrypt_run(state):
    inbound, messages = state
    for kind, ciphertext in messages:
        inbound.decrypt(vz.AnyOlmMessage.from_parts(kind, unb64(ciphertext)))


WORKLOADS = {
    "megolm_encrypt_per_s": (MEGOLM_BATCH, _megolm_encrypt_setup, _megolm_encrypt_run),
    "megolm_decrypt_per_s": (MEGOLM_BATCH, _megolm_decrypt_setup, _megolm_decrypt_run),
    "olm_session_create_per_s": (SESSION_ACCOUNTS * SESSION_KEYS, _session_setup, _session_run),
    "olm_encrypt_per_s": (OLM_BATCH, _olm_pair, _olm_encrypt_run),
    "olm_decrypt_per_s": (OLM_BATCH, _olm_decrypt_setup, _olm_decrypt_run),
}

if __name__ == "__main__":
    if sys.argv[1:2] == ["bench"]:
        bench_main("vodozemac", WORKLOADS, sys.argv[2:])
    else:
        serve("vodozemac", VODOZEMAC_VERSION, OPS)
