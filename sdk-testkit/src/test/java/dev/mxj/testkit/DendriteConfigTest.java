package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DendriteConfigTest {

    /** The parts of generate-config -ci's output that the testkit edits, plus neighbours. */
    private static final String TEMPLATE = """
            version: 2
            global:
              server_name: localhost
              well_known_server_name: ""
              well_known_client_name: ""
              disable_federation: false
            client_api:
              registration_disabled: false
              registration_requires_token: false
              registration_shared_secret: complement
              rate_limiting:
                enabled: false
            logging:
            - type: std
              level: trace
              params:
                path: /tmp/x/log
            """;

    private static final URI BASE = URI.create("http://127.0.0.1:4321");

    @Test
    void setsEveryTestkitOption() {
        String edited = DendriteConfig.edit(TEMPLATE, "c0ffee", BASE, "warn", false);
        assertEquals("""
                version: 2
                global:
                  server_name: localhost
                  well_known_server_name: ""
                  well_known_client_name: "http://127.0.0.1:4321"
                  disable_federation: true
                client_api:
                  registration_disabled: false
                  registration_requires_token: false
                  registration_shared_secret: "c0ffee"
                  rate_limiting:
                    enabled: false
                logging:
                - type: file
                  level: warn
                  params:
                    path: /tmp/x/log
                """, edited);
    }

    @Test
    void setsRegistrationRequiresTokenAndLevel() {
        String edited = DendriteConfig.edit(TEMPLATE, "s", BASE, "DEBUG", true);
        assertTrue(edited.contains("\n  registration_requires_token: true\n"), edited);
        assertTrue(edited.contains("\n  level: debug\n"), edited);
    }

    @Test
    void rejectsUnknownLogLevel() {
        assertThrows(IllegalArgumentException.class,
                () -> DendriteConfig.edit(TEMPLATE, "s", BASE, "loud", false));
    }

    @Test
    void failsWhenKeyIsMissingOrRepeated() {
        assertThrows(IllegalStateException.class,
                () -> DendriteConfig.replace("a: 1\n", "b", "2"));
        assertThrows(IllegalStateException.class,
                () -> DendriteConfig.replace("x:\n  a: 1\ny:\n  a: 2\n", "a", "3"));
    }

    @Test
    void replaceKeepsIndentationAndDoesNotMatchLongerKeys() {
        String text = "  level: trace\n  levels: 3\n  log_level: 1\n";
        assertEquals("  level: info\n  levels: 3\n  log_level: 1\n",
                DendriteConfig.replace(text, "level", "info"));
    }

    @Test
    void quotesYamlStrings() {
        assertEquals("\"a\\\\b\\\"c$1\"", DendriteConfig.quote("a\\b\"c$1"));
    }
}
