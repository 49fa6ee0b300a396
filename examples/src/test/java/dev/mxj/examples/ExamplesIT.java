package dev.mxj.examples;

import dev.mxj.testkit.Dendrite;
import dev.mxj.testkit.DendriteExtension;
import dev.mxj.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's program and the demo run against a real Dendrite and say what they should. */
@ExtendWith(DendriteExtension.class)
class ExamplesIT {
    private static String run(ThrowingRunnable body) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setOut(original);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void quickstartLogsInAndPrintsWhoami(Dendrite dendrite, TestUser user) throws Exception {
        String out = run(() -> Quickstart.main(new String[] {dendrite.baseUrl().toString(), user.localpart(),
                user.password()}));
        assertTrue(out.contains("Logged in as " + user.userId()), out);
        assertTrue(out.contains("v1.2"), out);
    }

    @Test
    void demoRunsEndToEnd() throws Exception {
        String out = run(() -> Demo.main(new String[0]));
        assertTrue(out.contains("Registered @demo-"), out);
        assertTrue(out.contains("Logged in: whoami says @demo-"), out);
        assertTrue(out.contains("Resumed session: whoami says @demo-"), out);
        assertTrue(out.contains("Bob joined"), out);
        assertTrue(out.contains(" (message): Hello **Bob**!"), out);
        assertTrue(out.contains("(reply): Hi Alice, good to see you"), out);
        assertTrue(out.contains("reacted 👍"), out);
        assertTrue(out.contains("(thread): Starting a thread about it"), out);
        assertTrue(out.contains(" (edit): * Hello **Bob**, welcome to mxj!"), out);
        assertTrue(out.contains("Bob joined the encrypted room"), out);
        assertTrue(out.contains("Alice → Bob (encrypted): Our secret: the cake is in the blue cupboard."), out);
        assertTrue(out.contains("Bob decrypted it: Our secret: the cake is in the blue cupboard. (sent by device "), out);
        assertTrue(out.contains("Bob → Alice (encrypted): Thanks, I will keep it between us."), out);
        assertTrue(out.contains("Alice decrypted it: Thanks, I will keep it between us. (sent by device "), out);
        assertTrue(out.contains("the server holds it as m.room.encrypted (m.megolm.v1.aes-sha2), not the plaintext"),
                out);
        assertFalse(out.contains("WITH the plaintext"), out);
        assertTrue(out.contains("the store holds no session any more: true"), out);
        assertTrue(out.contains("Done."), out);
    }
}
