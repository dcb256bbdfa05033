package dev.signet.radius.mschap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** RFC 2759 §9.2 and RFC 3079 §3.5.3 worked examples (user "User", password "clientPass"). */
class MsChapV2Test {
    private static final char[] PASSWORD = "clientPass".toCharArray();
    private static final byte[] AUTH_CHALLENGE = hex("5B5D7C7D7B3F2F3E3C2C602132262628");
    private static final byte[] PEER_CHALLENGE = hex("21402324255E262A28295F2B3A337C7E");
    private static final byte[] NT_RESPONSE = hex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");
    private static final byte[] PASSWORD_HASH = hex("44EBBA8D5312B8D611474411F56989AE");

    @Test
    void challengeHashIsRfc2759Example() {
        assertArrayEquals(hex("D02E4386BCE91226"), MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, "User"));
    }

    @Test
    void ntPasswordHashAndItsHashAreRfc2759Examples() {
        assertArrayEquals(PASSWORD_HASH, MsChapV2.ntPasswordHash(PASSWORD));
        assertArrayEquals(hex("41C00C584BD2D91C4017A2A12FA59F3F"), MsChapV2.md4(PASSWORD_HASH));
    }

    @Test
    void ntResponseIsRfc2759Example() {
        assertArrayEquals(NT_RESPONSE, MsChapV2.ntResponse(AUTH_CHALLENGE, PEER_CHALLENGE, "User", PASSWORD));
    }

    @Test
    void theRightResponseVerifiesWithTheRfc2759AuthenticatorResponse() {
        MsChapV2.Result result = MsChapV2.verify("User", PASSWORD, AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE).orElseThrow();
        assertEquals("S=407A5589115FD0D6209F510FE9C04566932CDA56", result.authenticatorResponse());
    }

    @Test
    void aDomainPrefixTakesNoPartInTheHash() {
        assertTrue(MsChapV2.verify("EXAMPLE\\User", PASSWORD, AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE).isPresent());
    }

    @Test
    void aWrongPasswordOrNameOrChallengeDoesNotVerify() {
        assertTrue(MsChapV2.verify("User", "clientPasz".toCharArray(), AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE).isEmpty());
        assertTrue(MsChapV2.verify("Usr", PASSWORD, AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE).isEmpty());
        byte[] other = AUTH_CHALLENGE.clone();
        other[0] ^= 1;
        assertTrue(MsChapV2.verify("User", PASSWORD, other, PEER_CHALLENGE, NT_RESPONSE).isEmpty());
    }

    @Test
    void malformedInputIsRefusedNotThrown() {
        assertTrue(MsChapV2.verify("User", PASSWORD, new byte[15], PEER_CHALLENGE, NT_RESPONSE).isEmpty());
        assertTrue(MsChapV2.verify("User", PASSWORD, AUTH_CHALLENGE, null, NT_RESPONSE).isEmpty());
        assertTrue(MsChapV2.verify(null, PASSWORD, AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE).isEmpty());
        assertTrue(MsChapV2.verify("User", PASSWORD, AUTH_CHALLENGE, PEER_CHALLENGE, new byte[25]).isEmpty());
    }

    @Test
    void masterKeyAndServerSendKeyAreRfc3079Examples() {
        byte[] master = MsChapV2.masterKey(PASSWORD_HASH, NT_RESPONSE);
        assertArrayEquals(hex("FDECE3717A8C838CB388E527AE3CDD31"), master);
        // RFC 3079 §3.5.3 derives "SendStartKey128" as the server: IsSend and IsServer, Magic3
        assertArrayEquals(hex("8B7CDC149B993A1BA118CB153F56DCCB"), MsChapV2.serverSendKey(master));
    }

    @Test
    void verifyGivesTheServersSendAndReceiveKeysAndTheMsk() {
        MsChapV2.Result result = MsChapV2.verify("User", PASSWORD, AUTH_CHALLENGE, PEER_CHALLENGE, NT_RESPONSE).orElseThrow();
        byte[] master = hex("FDECE3717A8C838CB388E527AE3CDD31");
        assertArrayEquals(hex("8B7CDC149B993A1BA118CB153F56DCCB"), result.sendKey16());
        assertArrayEquals(MsChapV2.serverReceiveKey(master), result.recvKey16());
        byte[] msk = result.msk();
        assertEquals(32, msk.length);
        assertArrayEquals(result.recvKey16(), Arrays.copyOf(msk, 16));
        assertArrayEquals(result.sendKey16(), Arrays.copyOfRange(msk, 16, 32));
    }

    @Test
    void plainRadiusAttributesVerifyAndGiveMsChap2Success() {
        byte[] response = new byte[50];
        response[0] = 0x2a;
        System.arraycopy(PEER_CHALLENGE, 0, response, 2, 16);
        System.arraycopy(NT_RESPONSE, 0, response, 26, 24);
        MsChapV2.Result result = MsChapV2.verifyRadius("User", PASSWORD, AUTH_CHALLENGE, response).orElseThrow();
        byte[] success = MsChapV2.successAttribute(response[0], result);
        assertEquals(43, success.length);
        assertEquals(0x2a, success[0]);
        assertEquals("S=407A5589115FD0D6209F510FE9C04566932CDA56", new String(success, 1, 42, StandardCharsets.US_ASCII));
        assertTrue(MsChapV2.verifyRadius("User", PASSWORD, AUTH_CHALLENGE, Arrays.copyOf(response, 49)).isEmpty());
        response[30] ^= 1;
        assertTrue(MsChapV2.verifyRadius("User", PASSWORD, AUTH_CHALLENGE, response).isEmpty());
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
