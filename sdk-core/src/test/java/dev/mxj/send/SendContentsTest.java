package dev.mxj.send;

import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.internal.send.MessageContents;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.mxj.send.SendSupport.assertJson;

/** The contents mxj sends: Markdown to HTML only when it says more, replies, edits, reactions. */
class SendContentsTest {
    private static final EventId TARGET = EventId.of("$target");
    private static final UserId BOB = UserId.of("@bob:example.org");
    private static final UserId ME = UserId.of("@alice:example.org");

    @Test
    void plainTextHasNoHtml() {
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"hello & <goodbye>\",\"m.mentions\":{}}",
                MessageContents.plain("m.text", "hello & <goodbye>"));
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"two\\nlines\",\"m.mentions\":{}}",
                MessageContents.plain("m.text", "two\nlines"));
    }

    @Test
    void markdownGetsHtmlWithoutALoneParagraph() {
        assertJson("{\"msgtype\":\"m.notice\",\"body\":\"**bold** and `code`\",\"format\":\"org.matrix.custom.html\","
                + "\"formatted_body\":\"<strong>bold</strong> and <code>code</code>\",\"m.mentions\":{}}",
                MessageContents.plain("m.notice", "**bold** and `code`"));
        assertJson("{\"msgtype\":\"m.emote\",\"body\":\"# Title\\n\\ntext\",\"format\":\"org.matrix.custom.html\","
                + "\"formatted_body\":\"<h1>Title</h1>\\n<p>text</p>\",\"m.mentions\":{}}",
                MessageContents.plain("m.emote", "# Title\n\ntext"));
    }

    @Test
    void rawHtmlInMarkdownIsEscaped() {
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"<b>x</b> *y*\",\"format\":\"org.matrix.custom.html\","
                + "\"formatted_body\":\"&lt;b&gt;x&lt;/b&gt; <em>y</em>\",\"m.mentions\":{}}",
                MessageContents.plain("m.text", "<b>x</b> *y*"));
    }

    @Test
    void aReplyMentionsTheRepliedToSenderButNotOneself() {
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"yes\",\"m.mentions\":{\"user_ids\":[\"@bob:example.org\"]},"
                + "\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$target\"}}}",
                MessageContents.reply("m.text", "yes", TARGET, Optional.of(BOB), Optional.of(ME)));
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"yes\",\"m.mentions\":{},"
                + "\"m.relates_to\":{\"m.in_reply_to\":{\"event_id\":\"$target\"}}}",
                MessageContents.reply("m.text", "yes", TARGET, Optional.of(ME), Optional.of(ME)));
    }

    @Test
    void anEditCarriesNewContentAndAFallback() {
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"* *fixed*\",\"format\":\"org.matrix.custom.html\","
                + "\"formatted_body\":\"* <em>fixed</em>\",\"m.mentions\":{},"
                + "\"m.new_content\":{\"msgtype\":\"m.text\",\"body\":\"*fixed*\",\"format\":\"org.matrix.custom.html\","
                + "\"formatted_body\":\"<em>fixed</em>\",\"m.mentions\":{}},"
                + "\"m.relates_to\":{\"rel_type\":\"m.replace\",\"event_id\":\"$target\"}}",
                MessageContents.edit("m.text", "*fixed*", TARGET));
    }

    @Test
    void reactionsAndRedactions() {
        assertJson("{\"m.relates_to\":{\"rel_type\":\"m.annotation\",\"event_id\":\"$target\",\"key\":\"👍\"}}",
                MessageContents.reaction(TARGET, "👍"));
        assertJson("{\"reason\":\"spam\"}", MessageContents.redaction(Optional.of("spam")));
        assertJson("{}", MessageContents.redaction(Optional.empty()));
    }

    @Test
    void aThreadReplyFallsBackToAReplyToTheThreadsNewestEvent() {
        assertJson("{\"msgtype\":\"m.text\",\"body\":\"in the thread\",\"m.mentions\":{},\"m.relates_to\":{"
                + "\"rel_type\":\"m.thread\",\"event_id\":\"$root\",\"is_falling_back\":true,"
                + "\"m.in_reply_to\":{\"event_id\":\"$newest\"}}}",
                MessageContents.threadReply("m.text", "in the thread", EventId.of("$root"), EventId.of("$newest")));
    }
}
