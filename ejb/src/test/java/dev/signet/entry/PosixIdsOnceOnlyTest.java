package dev.signet.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.fault.Conflict;
import dev.signet.fault.InvalidInput;
import dev.signet.schema.Schema;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PosixIdsOnceOnlyTest {
    @Test
    void anEntryWithoutAnIdGetsOne() {
        assertEquals(Optional.empty(), PosixIdsOnceOnly.keeps(Optional.empty(), null, "jo"));
        assertEquals(Optional.empty(), PosixIdsOnceOnly.keeps(Optional.empty(), 70000L, "jo"));
    }

    @Test
    void aPosixEntryKeepsItsIdForLife() {
        assertEquals(Optional.of(70000), PosixIdsOnceOnly.keeps(Optional.of(70000), null, "jo"));
        assertEquals(Optional.of(70000), PosixIdsOnceOnly.keeps(Optional.of(70000), 70000L, "jo"));
        Conflict changed = assertThrows(Conflict.class, () -> PosixIdsOnceOnly.keeps(Optional.of(70000), 70001L, "jo"));
        assertEquals(Schema.GIDNUMBER, changed.field());
    }

    @Test
    void aSourceNumberMustBeANumber() {
        assertEquals(70000L, PosixIdsOnceOnly.sourceNumber("uid=jo", " 70000 "));
        InvalidInput refused = assertThrows(InvalidInput.class, () -> PosixIdsOnceOnly.sourceNumber("uid=jo", "seventy"));
        assertEquals("uid=jo: gidnumber seventy is not a number", refused.getMessage());
    }
}
