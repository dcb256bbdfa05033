package dev.signet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void fieldsWithSeparatorsQuotesOrBreaksAreQuoted() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n",
                Csv.row(Arrays.asList("a", "b,c", "say \"hi\"", "two\nlines", null)));
        assertEquals("plain\r\n", Csv.row(List.of("plain")));
    }

    @Test
    void theNextPageIsTheLinkWithRelNext() {
        assertEquals("/v1/audit?since=2026-12-01T00%3A00%3A00Z&limit=1000&after=42", AuditLogCommand.next(
                "<https://localhost:8443/v1/audit?since=2026-12-01T00%3A00%3A00Z&limit=1000&after=42>; rel=\"next\""));
        assertNull(AuditLogCommand.next(null));
        assertNull(AuditLogCommand.next("<https://localhost:8443/v1/audit?x=1>; rel=\"prev\""));
    }
}
