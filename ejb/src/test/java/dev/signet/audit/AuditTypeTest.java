package dev.signet.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AuditTypeTest {
    @Test
    void everyWireNameLeadsBackToItsType() {
        for (AuditType type : AuditType.values()) {
            assertEquals(type, AuditType.ofWire(type.wire()));
        }
    }

    @Test
    void wireNamesAreThePublishedOnes() {
        // the audit JSON, the table and GET /v1/audit?type= carry these exact strings
        assertEquals("auth.failure", AuditType.AUTH_FAILURE.wire());
        assertEquals("credential.reset_intent.exchange", AuditType.CREDENTIAL_RESET_INTENT_EXCHANGE.wire());
        assertEquals("domain.first_boot", AuditType.DOMAIN_FIRST_BOOT.wire());
    }

    @Test
    void aNameSignetDoesNotWriteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AuditType.ofWire("auth.guess"));
    }
}
