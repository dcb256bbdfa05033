package dev.signet.web.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    void upOnlyWhenEveryCheckIsUp() {
        assertTrue(new HealthReport(Map.of("a", true, "b", true)).up());
        assertFalse(new HealthReport(Map.of("a", true, "b", false)).up());
    }

    @Test
    void rendersMicroProfileHealthShapeWithChecksInNameOrder() {
        String json = new HealthReport(Map.of("signet-database", false, "signet-deployment", true)).toJson();
        assertEquals("{\"status\":\"DOWN\",\"checks\":["
                + "{\"name\":\"signet-database\",\"status\":\"DOWN\"},"
                + "{\"name\":\"signet-deployment\",\"status\":\"UP\"}]}", json);
    }
}
