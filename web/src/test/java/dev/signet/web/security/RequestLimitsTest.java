package dev.signet.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    @Test
    void aLoneHighOrLowSurrogateEscapeIsFound() {
        assertEquals(9, RequestLimits.loneSurrogateAt("{\"name\":\"\\ud800\"}"));
        assertEquals(9, RequestLimits.loneSurrogateAt("{\"name\":\"\\uDC00x\"}"));
        assertEquals(9, RequestLimits.loneSurrogateAt("{\"name\":\"\\ud83d\\u0041\"}"), "a high surrogate followed by no low one");
        assertEquals(9, RequestLimits.loneSurrogateAt("{\"name\":\"\\ud83d"), "cut off after the high surrogate");
    }

    @Test
    void pairedSurrogatesAndOtherEscapesPass() {
        assertEquals(-1, RequestLimits.loneSurrogateAt("{\"name\":\"\\ud83d\\ude00 \\u00e9 \\n \\\\ud800 \\\"\"}"),
                "a pair, a plain escape, and an escaped backslash before ud800 (which is then text)");
        assertEquals(-1, RequestLimits.loneSurrogateAt("{\"name\":\"plain\"}"));
        assertEquals(-1, RequestLimits.loneSurrogateAt("{\"name\":\"\\uZZZZ\"}"), "a malformed escape is the JSON reader's to refuse");
        assertEquals(-1, RequestLimits.loneSurrogateAt("\\"));
    }
}
