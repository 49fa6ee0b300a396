"""Cross-check peer over python3-olm, Debian's Python bindings to libolm (run with /usr/bin/python3).

Driven by PyolmCrossCheckTest; see peer_common.py for the protocol. With the argument "bench" it
runs the benchmark workloads instead (scripts/bench crypto).

python3-olm returns plaintexts as str. Every decrypt here asks for "surrogateescape" and encodes
back with it, which gives the exact bytes libolm produced, whatever they are.
"""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from peer_common import Handles, PLAINTEXT, b64, bench_main, serve, unavailable, unb64  # noqa: E402

try:
    import olm
    from olm.__version__ import __version__ as PYOLM_VERSION
except ImportError as e:
    unavailable("python3-olm cannot be imported by %s: %s" % (sys.executable, e))

H = Handles()


def _bytes(text):
    return text.encode("utf-8", "surrogateescape")


def hello(r):
    return {"impl": "python3-olm", "version": PYOLM_VERSION}


def account_new(r):
    account = olm.Account()
    keys = account.identity_keys
    return {"h": H.put(account), "curve25519": keys["curve25519"], "ed25519": keys["ed25519"]}


def account_one_time_keys(r):
    account = H[r["h"]]
    account.generate_one_time_keys(r["count"])
    keys = list(account.one_time_keys["curve25519"].values())
    account.mark_keys_as_published()
    return {"keys": keys}


def account_sign(r):
    return {"signature": H[r["h"]].sign(unb64(r["message"]))}


def olm_outbound(r):
    session = olm.OutboundSession(H[r["account"]], r["identity_key"], r["one_time_key"])
    return {"h": H.put(session), "session_id": session.id}


def olm_inbound(r):
    account = H[r["account"]]
    message = olm.OlmPreKeyMessage(r["ciphertext"])
    session = olm.InboundSession(account, message, r["identity_key"])
    plaintext = _bytes(session.decrypt(message, "surrogateescape"))
    account.remove_one_time_keys(session)
    return {"h": H.put(session), "session_id": session.id, "plaintext": b64(plaintext)}


def olm_encrypt(r):
    message = H[r["h"]].encrypt(unb64(r["plaintext"]))
    return {"type": message.message_type, "ciphertext": message.ciphertext}


def olm_decrypt(r):
    kind = olm.OlmPreKeyMessage if r["type"] == 0 else olm.OlmMessage
    plaintext = H[r["h"]].decrypt(kind(r["ciphertext"]), "surrogateescape")
    return {"plaintext": b64(_bytes(plaintext))}


def megolm_outbound(r):
    session = olm.OutboundGroupSession()
    return {"h": H.put(session), "session_id": session.id, "session_key": session.session_key,
            "message_index": session.message_index}


def megolm_encrypt(r):
    session = H[r["h"]]
    return {"ciphertext": session.encrypt(unb64(r["plaintext"])), "message_index": session.message_index}


def _inbound(session):
    return {"h": H.put(session), "session_id": session.id, "first_known_index": session.first_known_index}


def megolm_inbound(r):
    return _inbound(olm.InboundGroupSession(r["session_key"]))


def megolm_import(r):
    return _inbound(olm.InboundGroupSession.import_session(r["exported"]))


def megolm_decrypt(r):
    plaintext, index = H[r["h"]].decrypt(r["ciphertext"], "surrogateescape")
    return {"plaintext": b64(_bytes(plaintext)), "message_index": index}


def megolm_export(r):
    return {"exported": H[r["h"]].export_session(r["index"])}


def pk_decryption_new(r):
    decryption = olm.PkDecryption()
    return {"h": H.put(decryption), "public_key": decryption.public_key}


def pk_encrypt(r):
    message = olm.PkEncryption(r["public_key"]).encrypt(unb64(r["plaintext"]))
    return {"ciphertext": message.ciphertext, "mac": message.mac, "ephemeral_key": message.ephemeral_key}


def pk_decrypt(r):
    message = olm.PkMessage(r["ephemeral_key"], r["mac"], r["ciphertext"])
    return {"plaintext": b64(_bytes(H[r["h"]].decrypt(message, "surrogateescape")))}


def pk_signing_sign(r):
    signing = olm.PkSigning(unb64(r["seed"]))
    return {"public_key": signing.public_key, "signature": signing.sign(unb64(r["message"]))}


def ed25519_verify(r):
    try:
        olm.ed25519_verify(r["public_key"], unb64(r["message"]), r["signature"])
        return {"valid": True}
    except olm.OlmVerifyError as e:
        return {"valid": False, "reason": str(e)}


def sas_new(r):
    sas = olm.Sas()
    return {"h": H.put(sas), "public_key": sas.pubkey}


def sas_set_their_key(r):
    H[r["h"]].set_their_pubkey(r["public_key"])
    return {}


def sas_bytes(r):
    return {"bytes": b64(H[r["h"]].generate_bytes(r["info"], r["count"]))}


def sas_mac(r):
    sas = H[r["h"]]
    variant = {"v2": sas.calculate_mac_fixed_base64, "v1": sas.calculate_mac,
               "long_kdf": sas.calculate_mac_long_kdf}[r["variant"]]
    return {"mac": variant(r["input"], r["info"])}


def free(r):
    H.drop(r["h"])
    return {}


OPS = {f.__name__: f for f in [
    hello, account_new, account_one_time_keys, account_sign, olm_outbound, olm_inbound, olm_encrypt,
    olm_decrypt, megolm_outbound, megolm_encrypt, megolm_inbound, megolm_import, megolm_decrypt,
    megolm_export, pk_decryption_new, pk_encrypt, pk_decrypt, pk_signing_sign, ed25519_verify,
    sas_new, sas_set_their_key, sas_bytes, sas_mac, free]}


# --- Benchmark workloads (the same as CryptoBench's; see peer_common.measure) ---------------

MEGOLM_BATCH = 1000
OLM_BATCH = 1000
SESSION_ACCOUNTS = 4  # bob accounts per session-creation batch, each with 50 one-time keys
SESSION_KEYS = 50


def _megolm_encrypt_setup():
    return olm.OutboundGroupSession()


def _megolm_encrypt_run(session):
    for _ in range(MEGOLM_BATCH):
        session.encrypt(PLAINTEXT)


def _megolm_decrypt_setup():
    outbound = olm.OutboundGroupSession()
    inbound = olm.InboundGroupSession(outbound.session_key)
    return inbound, [outbound.encrypt(PLAINTEXT) for _ in range(MEGOLM_BATCH)]


def _megolm_decrypt_run(state):
    inbound, messages = state
    for message in messages:
        inbound.decrypt(message)


def _session_setup():
    alice = olm.Account()
    bobs = []
    for _ in range(SESSION_ACCOUNTS):
        bob = olm.Account()
        bob.generate_one_time_keys(SESSION_KEYS)
        keys = list(bob.one_time_keys["curve25519"].values())
        bob.mark_keys_as_published()
        bobs.append((bob, bob.identity_keys["curve25519"], keys))
    return alice, alice.identity_keys["curve25519"], bobs


def _session_run(state):
    alice, alice_key, bobs = state
    for bob, bob_key, keys in bobs:
        for key in keys:
            outbound = olm.OutboundSession(alice, bob_key, key)
            message = outbound.encrypt(PLAINTEXT)
            inbound = olm.InboundSession(bob, message, alice_key)
            inbound.decrypt(message)
            bob.remove_one_time_keys(inbound)


def _olm_pair():
    """An established pair: alice has received a reply, so her messages are normal (type 1)."""
    alice, bob = olm.Account(), olm.Account()
    bob.generate_one_time_keys(1)
    key = list(bob.one_time_keys["curve25519"].values())[0]
    outbound = olm.OutboundSession(alice, bob.identity_keys["curve25519"], key)
    first = outbound.encrypt(PLAINTEXT)
    inbound = olm.InboundSession(bob, first, alice.identity_keys["curve25519"])
    inbound.decrypt(first)
    outbound.decrypt(inbound.encrypt(PLAINTEXT))
    return outbound, inbound


def _olm_encrypt_run(pair):
    outbound, _ = pair
    for _ in range(OLM_BATCH):
        outbound.encrypt(PLAINTEXT)


def _olm_decrypt_setup():
    outbound, inbound = _olm_pair()
    return inbound, [outbound.encrypt(PLAINTEXT) for _ in range(OLM_BATCH)]


def _olm_decrypt_run(state):
    inbound, messages = state
    for message in messages:
        inbound.decrypt(message)


WORKLOADS = {
    "megolm_encrypt_per_s": (MEGOLM_BATCH, _megolm_encrypt_setup, _megolm_encrypt_run),
    "megolm_decrypt_per_s": (MEGOLM_BATCH, _megolm_decrypt_setup, _megolm_decrypt_run),
    "olm_session_create_per_s": (SESSION_ACCOUNTS * SESSION_KEYS, _session_setup, _session_run),
    "olm_encrypt_per_s": (OLM_BATCH, _olm_pair, _olm_encrypt_run),
    "olm_decrypt_per_s": (OLM_BATCH, _olm_decrypt_setup, _olm_decrypt_run),
}

if __name__ == "__main__":
    if sys.argv[1:2] == ["bench"]:
        bench_main("pyolm", WORKLOADS, sys.argv[2:])
    else:
        serve("python3-olm", PYOLM_VERSION, OPS)
