package dev.signet.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors made outside Java (Python's hashlib; Openwall's crypt_blowfish test vector for bcrypt). */
class ImportedPasswordHashTest {
    private static final char[] PASSWORD = "imported passphrase 1".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {
            "{SSHA}FlT0F7ekmC5Wfdl41tCoYQlgphNzYWx0c2FsdA==",
            "{SSHA256}1ZBJ0RNr0luzyjPZy7f6WlYU7Z/j+/zW71ir8gZ+igFzYWx0c2FsdA==",
            "{SSHA512}C9mT78CgWmHfoNuKK5iDqoDj9TANyYu+llL0iHGktN+X0fwHVq2Tjg/1RF8QvB+k4XjTkNJjjvyM7pZKZqRmlXNhbHRzYWx0",
            "{PBKDF2-SHA256}10000$MDEyMzQ1Njc4OWFiY2RlZg$33GZ4pFUKHlmQdR26y.rUEfoj/EbBwaHWzaVfoCBfm4"})
    void verifiesTheRightPasswordOnly(String stored) {
        ImportedPasswordHash scheme = ImportedPasswordHash.of(stored).orElseThrow();
        assertTrue(scheme.verify(PASSWORD, stored));
        assertFalse(scheme.verify("imported passphrase 2".toCharArray(), stored));
    }

    @Test
    void bcryptInEveryPrefixForm() {
        String vector = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
        assertEquals(Optional.of(ImportedPasswordHash.BCRYPT), ImportedPasswordHash.of(vector));
        assertTrue(ImportedPasswordHash.BCRYPT.verify("U*U".toCharArray(), vector));
        assertTrue(ImportedPasswordHash.BCRYPT.verify("U*U".toCharArray(), "{CRYPT}" + vector));
        assertFalse(ImportedPasswordHash.BCRYPT.verify("U*V".toCharArray(), vector));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain text", "{SSHA}", "{SSHA}!!!!", "{SSHA}AAAA", "{MD5}X03MO1qnZdYdgyfeuILPmQ==",
            "{PBKDF2-SHA256}0$MDEy$33GZ", "{PBKDF2-SHA256}999999999$MDEy$33GZ4pFUKHlmQdR26y.rUEfoj/EbBwaHWzaVfoCBfm4",
            "$2a$31$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "$2a$05$short"})
    void refusesWhatItCannotReadOrWhatWouldStallALogin(String stored) {
        assertEquals(Optional.empty(), ImportedPasswordHash.of(stored));
    }
}
