package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class DendriteExtensionTest {

    @Test
    void ciVariable() {
        assertFalse(DendriteExtension.isCi(null));
        assertFalse(DendriteExtension.isCi(""));
        assertFalse(DendriteExtension.isCi(" false "));
        assertFalse(DendriteExtension.isCi("FALSE"));
        assertTrue(DendriteExtension.isCi("true"));
        assertTrue(DendriteExtension.isCi("1"));
    }

    @Test
    void missingGoFailsInCi() {
        DendriteUnavailableException missing = new DendriteUnavailableException("install Go");
        assertSame(missing, DendriteExtension.unavailable(missing, "true"));
    }

    @Test
    void missingGoSkipsOutsideCi() {
        DendriteUnavailableException missing = new DendriteUnavailableException("install Go");
        RuntimeException result = DendriteExtension.unavailable(missing, null);
        assertInstanceOf(TestAbortedException.class, result);
        assertTrue(result.getMessage().contains("install Go"), result.getMessage());
    }
}
