package dev.mxj.internal.send;

import dev.mxj.id.EventId;
import dev.mxj.id.UserId;
import dev.mxj.json.RawJson;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the contents mxj sends: messages with Markdown rendered by commonmark, replies, edits, reactions. */
public final class MessageContents {
    public static final String MESSAGE = "m.room.message";
    public static final String REACTION = "m.reaction";
    public static final String REDACTION = "m.room.redaction";
    public static final String HTML = "org.matrix.custom.html";

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

    private MessageContents() {
    }

    /** The tree of a message: {@code msgtype}, {@code body}, and the HTML only when it says more than the text. */
    static Map<String, Object> message(String msgtype, String markdown) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("msgtype", msgtype);
        content.put("body", markdown);
        toHtml(markdown).ifPresent(html -> {
            content.put("format", HTML);
            content.put("formatted_body", html);
        });
        return content;
    }

    /** A message with no mentions ({@code m.mentions: {}}, so servers do not guess from the body). */
    public static RawJson plain(String msgtype, String markdown) {
        Map<String, Object> content = message(msgtype, markdown);
        content.put("m.mentions", Map.of());
        return RawJson.ofTree(content);
    }

    /** A reply to {@code target}, mentioning its sender when known (and not {@code self}). */
    public static RawJson reply(String msgtype, String markdown, EventId target, Optional<UserId> targetSender,
                                Optional<UserId> self) {
        Map<String, Object> content = message(msgtype, markdown);
        List<String> users = targetSender.filter(u -> self.map(s -> !s.equals(u)).orElse(true))
                .map(u -> List.of(u.value())).orElse(List.of());
        content.put("m.mentions", users.isEmpty() ? Map.of() : Map.of("user_ids", users));
        content.put("m.relates_to", Map.of("m.in_reply_to", Map.of("event_id", target.value())));
        return RawJson.ofTree(content);
    }

    /**
     * A reply in the thread of {@code root} ({@code m.thread}); for clients without threads it falls back
     * to a reply ({@code is_falling_back}) to {@code latestInThread}, the thread's newest event.
     */
    public static RawJson threadReply(String msgtype, String markdown, EventId root, EventId latestInThread) {
        Map<String, Object> content = message(msgtype, markdown);
        content.put("m.mentions", Map.of());
        Map<String, Object> relation = new LinkedHashMap<>();
        relation.put("rel_type", "m.thread");
        relation.put("event_id", root.value());
        relation.put("is_falling_back", true);
        relation.put("m.in_reply_to", Map.of("event_id", latestInThread.value()));
        content.put("m.relates_to", relation);
        return RawJson.ofTree(content);
    }

    /** An edit of {@code target}: a {@code * } fallback, {@code m.new_content} and {@code m.replace}. */
    public static RawJson edit(String msgtype, String markdown, EventId target) {
        return edit(msgtype, markdown, Optional.of(target));
    }

    /**
     * An edit; without a target it is the edit of a queued event not sent yet, whose
     * {@code m.relates_to.event_id} the queue fills in once that event has its ID.
     */
    static RawJson edit(String msgtype, String markdown, Optional<EventId> target) {
        Map<String, Object> newContent = message(msgtype, markdown);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("msgtype", msgtype);
        // Not rendered again: "* text" would be a Markdown list.
        content.put("body", "* " + markdown);
        if (newContent.get("formatted_body") instanceof String html) {
            content.put("format", HTML);
            content.put("formatted_body", "* " + html);
        }
        newContent.put("m.mentions", Map.of());
        content.put("m.new_content", newContent);
        content.put("m.mentions", Map.of());
        Map<String, Object> relation = new LinkedHashMap<>();
        relation.put("rel_type", "m.replace");
        target.ifPresent(id -> relation.put("event_id", id.value()));
        content.put("m.relates_to", relation);
        return RawJson.ofTree(content);
    }

    /**
     * New content for a queued message that is edited before it is sent: the new text with the old
     * relation and mentions. A queued edit stays an edit (of the same event, with the new text).
     */
    static RawJson replaceText(RawJson old, String markdown) {
        Optional<RawJson> relation = old.object("m.relates_to");
        if (relation.flatMap(r -> r.string("rel_type")).filter("m.replace"::equals).isPresent()) {
            String msgtype = old.object("m.new_content").map(MessageContents::msgtype).orElse(msgtype(old));
            return edit(msgtype, markdown, relation.flatMap(r -> r.string("event_id")).map(EventId::of));
        }
        Map<String, Object> content = message(msgtype(old), markdown);
        relation.ifPresent(r -> content.put("m.relates_to", r.tree()));
        content.put("m.mentions", old.object("m.mentions").map(RawJson::tree).orElse(Map.of()));
        return RawJson.ofTree(content);
    }

    /** An {@code m.reaction} annotating {@code target} with {@code key}. */
    public static RawJson reaction(EventId target, String key) {
        return RawJson.ofTree(Map.of("m.relates_to", Map.of("rel_type", "m.annotation", "event_id", target.value(),
                "key", key)));
    }

    /** The body of {@code PUT /redact}: the reason, if any. */
    public static RawJson redaction(Optional<String> reason) {
        return reason.map(r -> RawJson.ofTree(Map.of("reason", r))).orElse(RawJson.emptyObject());
    }

    /** The msgtype of queued content, to edit it with the same one. */
    static String msgtype(RawJson content) {
        return content.string("msgtype").orElse("m.text");
    }

    /**
     * The HTML of {@code markdown}, or empty when it is just the text (the text with {@code & < > "}
     * escaped). A lone paragraph loses its {@code <p>}, as other clients send it.
     */
    static Optional<String> toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown)).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            html = html.substring(3, html.length() - 4);
        }
        if (html.isEmpty() || html.equals(escape(markdown.strip()))) {
            return Optional.empty();
        }
        return Optional.of(html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
