package dev.signet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProblemLineTest {
    private static JsonObject problem(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void statusTitleAndDetailOnOneLine() {
        assertEquals("409 conflict: name jsmith is taken", ProblemLine.of(409,
                problem("{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"name jsmith is taken\",\"field\":\"name\"}"), null));
    }

    @Test
    void theFieldIsNamedWhenTheDetailDoesNotSayIt() {
        assertEquals("400 bad request: must be a whole number (gidnumber)", ProblemLine.of(400,
                problem("{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"must be a whole number\",\"field\":\"gidnumber\"}"), null));
    }

    @Test
    void everyFailedPolicyRuleIsListed() {
        assertEquals("422 unprocessable content: password refused: too short; too common", ProblemLine.of(422,
                problem("{\"title\":\"Unprocessable Content\",\"status\":422,\"detail\":\"password refused\",\"failures\":[\"too short\",\"too common\"]}"), null));
    }

    @Test
    void aBodyThatIsNoProblemIsCutToOneLine() {
        assertEquals("502 bad gateway: <html> <body>upstream down</body> </html>",
                ProblemLine.of(502, null, "<html>\n  <body>upstream down</body>\n</html>\n"));
        assertEquals("404 not found", ProblemLine.of(404, null, ""));
    }
}
