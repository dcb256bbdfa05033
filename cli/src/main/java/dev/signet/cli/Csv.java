package dev.signet.cli;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 rows: a field with a comma, quote or line break is quoted, quotes doubled; CRLF ends a row. */
final class Csv {
    private Csv() {
    }

    static String row(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
