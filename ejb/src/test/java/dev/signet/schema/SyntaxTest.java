package dev.signet.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.fault.InvalidInput;
import org.junit.jupiter.api.Test;

class SyntaxTest {
    private static String refused(Syntax syntax, String value) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> syntax.normalise("attr", value));
        assertEquals("attr", e.field());
        return e.getMessage();
    }

    @Test
    void aNameIsTrimmedLowerCaseAndNeverAUuid() {
        assertEquals("jsmith", Syntax.INAME.normalise("attr", "  JSmith "));
        assertEquals("a.b-c_9", Syntax.INAME.normalise("attr", "a.b-c_9"));
        refused(Syntax.INAME, "9lives");
        refused(Syntax.INAME, "a".repeat(65));
        assertEquals("attr: must not be a UUID", refused(Syntax.INAME, "ae4c1f3a-0000-4000-8000-000000000001"));
    }

    @Test
    void textIsOneLineOfAtMost1024Characters() {
        assertEquals("John Smith", Syntax.UTF8.normalise("attr", " John Smith "));
        refused(Syntax.UTF8, "   ");
        refused(Syntax.UTF8, "a\nb");
        refused(Syntax.UTF8, "x".repeat(1025));
    }

    @Test
    void mailKeepsItsLocalPartAndLowersItsDomain() {
        assertEquals("J.Smith@example.com", Syntax.EMAIL.normalise("attr", " J.Smith@Example.COM "));
        refused(Syntax.EMAIL, "jsmith");
        refused(Syntax.EMAIL, "jsmith@localhost");
        refused(Syntax.EMAIL, "a@b@example.com");
    }

    @Test
    void numbersTimesAndBooleansHaveOneForm() {
        assertEquals("42", Syntax.INTEGER.normalise("attr", " 042 "));
        refused(Syntax.INTEGER, "4x");
        assertEquals("2027-01-31T00:00:00Z", Syntax.DATETIME.normalise("attr", "2027-01-31T01:00:00+01:00"));
        refused(Syntax.DATETIME, "2027-01-31");
        assertEquals("true", Syntax.BOOLEAN.normalise("attr", "TRUE"));
        refused(Syntax.BOOLEAN, "yes");
        assertEquals("0e4c1f3a-0000-4000-8000-000000000001", Syntax.UUID_VALUE.normalise("attr", " 0E4C1F3A-0000-4000-8000-000000000001 "));
    }

    @Test
    void aReferenceNamesSomethingAndSystemValuesAreNeverWritten() {
        assertEquals("team@example.com", Syntax.REFERENCE.normalise("attr", " Team@Example.com "));
        refused(Syntax.REFERENCE, " ");
        assertEquals("attr: is maintained by Signet", refused(Syntax.SYSTEM, "x"));
        assertEquals("attr: a value is missing", refused(Syntax.UTF8, null));
    }

    @Test
    void anSshKeyBlobMustNameItsOwnType() {
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGvUo8Q9kbyK4XbK7Xg0w3Iv6bUYbVd5TnYkB2tFVOEa";
        assertEquals(key + " me@laptop", Syntax.SSH_PUBLIC_KEY.normalise("attr", "  " + key + "   me@laptop"));
        refused(Syntax.SSH_PUBLIC_KEY, "ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIGvUo8Q9kbyK4XbK7Xg0w3Iv6bUYbVd5TnYkB2tFVOEa");
        refused(Syntax.SSH_PUBLIC_KEY, "ssh-dss AAAA");
    }
}
