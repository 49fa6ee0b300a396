package dev.mxj.crypto.olm.libolm;

import dev.mxj.crypto.olm.AccountContract;
import dev.mxj.crypto.olm.FuzzKeysContract;
import dev.mxj.crypto.olm.FuzzSessionsContract;
import dev.mxj.crypto.olm.MegolmContract;
import dev.mxj.crypto.olm.OlmBackend;
import dev.mxj.crypto.olm.OlmSessionContract;
import dev.mxj.crypto.olm.PkContract;
import dev.mxj.crypto.olm.SasContract;
import dev.mxj.crypto.olm.UtilityContract;

/** The backend contract, run against libolm. */
class LibolmContractTest implements AccountContract, OlmSessionContract, MegolmContract, PkContract,
        SasContract, UtilityContract, FuzzSessionsContract, FuzzKeysContract {

    private static final OlmBackend BACKEND = LibolmBackend.create();

    @Override
    public OlmBackend backend() {
        return BACKEND;
    }
}
