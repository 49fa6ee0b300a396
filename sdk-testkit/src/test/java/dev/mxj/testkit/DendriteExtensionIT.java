package dev.mxj.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DendriteExtension.class)
class DendriteExtensionIT {

    private static Dendrite fromBeforeAll;

    @BeforeAll
    static void remember(Dendrite dendrite) {
        fromBeforeAll = dendrite;
    }

    @Test
    void injectsTheSharedServerAndFreshUsers(Dendrite dendrite, TestUser alice, TestUser bob)
            throws IOException {
        assertSame(fromBeforeAll, dendrite);
        assertTrue(dendrite.isRunning());
        assertNotEquals(alice.userId(), bob.userId());
        Http.Response whoami = new Http(dendrite.baseUrl()).get(
                "/_matrix/client/v3/account/whoami", bob.accessToken(), Duration.ofSeconds(10));
        assertEquals(bob.userId(), whoami.string("user_id"), whoami.body());
    }

    @Test
    void sameServerInAnotherTest(Dendrite dendrite) {
        assertSame(fromBeforeAll, dendrite);
    }
}
