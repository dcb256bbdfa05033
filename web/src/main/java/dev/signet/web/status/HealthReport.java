package dev.signet.web.status;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A MicroProfile Health shaped report: {@code {"status":"UP","checks":[{"name":..,"status":..}]}}.
 * Load balancers and orchestrators read this shape without knowing Signet.
 */
record HealthReport(Map<String, Boolean> checks) {
    HealthReport {
        checks = Map.copyOf(checks);
    }

    boolean up() {
        return checks.values().stream().allMatch(Boolean::booleanValue);
    }

    String toJson() {
        String list = checks.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(check -> "{\"name\":\"" + check.getKey() + "\",\"status\":\"" + word(check.getValue()) + "\"}")
                .collect(Collectors.joining(","));
        return "{\"status\":\"" + word(up()) + "\",\"checks\":[" + list + "]}";
    }

    private static String word(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
