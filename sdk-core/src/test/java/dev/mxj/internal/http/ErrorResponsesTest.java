package dev.mxj.internal.http;

import dev.mxj.ErrorCode;
import dev.mxj.MatrixApiException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorResponsesTest {
    private static final String EP = "GET /_matrix/client/v3/x";

    @Test
    void specErrorBody() {
        MatrixApiException e = ErrorResponses.parse(429,
                "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too many requests\",\"retry_after_ms\":2000}", null, EP);
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.errorCode());
        assertEquals("Too many requests", e.error());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertTrue(e.getMessage().contains(EP));
        assertTrue(e.getMessage().contains("wait and retry"), e.getMessage());
    }

    @Test
    void unknownErrcodeSurvives() {
        MatrixApiException e = ErrorResponses.parse(400, "{\"errcode\":\"ORG_EXAMPLE_CUSTOM\",\"error\":\"x\",\"extra\":1}",
                null, EP);
        assertEquals("ORG_EXAMPLE_CUSTOM", e.errorCode().value());
        assertEquals(1L, e.body().orElseThrow().longValue("extra").orElseThrow());
    }

    @Test
    void softLogoutFlag() {
        MatrixApiException e = ErrorResponses.parse(401,
                "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"gone\",\"soft_logout\":true}", null, EP);
        assertTrue(e.softLogout());
        assertTrue(e.getMessage().contains("Log in again"));
    }

    @Test
    void retryAfterHeaderSecondsAndDate() {
        assertEquals(Duration.ofSeconds(7), ErrorResponses.parse(429, "", "7", EP).retryAfter().orElseThrow());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Duration d = ErrorResponses.parse(503, "", date, EP).retryAfter().orElseThrow();
        assertTrue(d.toSeconds() > 20 && d.toSeconds() <= 30, d.toString());
        assertTrue(ErrorResponses.parse(503, "", "soon", EP).retryAfter().isEmpty());
    }

    @Test
    void bodyRetryAfterWinsOverHeader() {
        MatrixApiException e = ErrorResponses.parse(429,
                "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"retry_after_ms\":100}", "60", EP);
        assertEquals(Duration.ofMillis(100), e.retryAfter().orElseThrow());
    }

    @Test
    void nonJsonBodies() {
        MatrixApiException empty = ErrorResponses.parse(504, "", null, EP);
        assertEquals(ErrorCode.UNKNOWN, empty.errorCode());
        assertTrue(empty.error().contains("empty body"));
        MatrixApiException html = ErrorResponses.parse(404, "<html><body>Not <b>Found</b></body></html>", null, EP);
        assertEquals(ErrorCode.UNRECOGNIZED, html.errorCode());
        assertTrue(html.error().endsWith("Not Found"), html.error());
        String huge = "x".repeat(5000);
        assertTrue(ErrorResponses.parse(500, huge, null, EP).error().length() < 400);
        MatrixApiException jsonWithoutErrcode = ErrorResponses.parse(500, "{\"error\":\"plain\"}", null, EP);
        assertEquals("plain", jsonWithoutErrcode.error());
        assertFalse(jsonWithoutErrcode.softLogout());
    }
}
