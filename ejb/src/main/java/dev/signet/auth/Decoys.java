package dev.signet.auth;

import dev.signet.domain.KeyEncryption;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a name that matches no account is answered, so that {@code init} does not tell which names
 * exist: the mechanisms of a plausible account, the same every time it is asked and on every
 * node. Each name's answer comes from an HMAC of the name under a key derived from the
 * installation's key-encryption key (no one without it can tell a decoy from an account); a
 * {@code totpPercent} share of names are answered like accounts with an authenticator and a
 * {@code passkeyPercent} share like accounts with a passkey (set them to the installation's own
 * shares: {@code signet.auth.decoy.totp.percent}, {@code signet.auth.decoy.passkey.percent}).
 */
final class Decoys {
    /** A decoy's passkey credential id: 32 bytes, as many platform authenticators make. */
    private static final int CREDENTIAL_ID_BYTES = 32;

    private final byte[] key;

    Decoys(byte[] key) {
        this.key = key.clone();
    }

    static Decoys ofInstallation() {
        return new Decoys(KeyEncryption.fromConfiguredFile().derive("signet: decoy answers for unknown names"));
    }

    /** The account an unknown name pretends to be. */
    record Decoy(boolean totp, boolean passkey, List<String> credentialIds) {
    }

    Decoy of(String name, int totpPercent, int passkeyPercent) {
        byte[] mac = mac(name.trim().toLowerCase(Locale.ROOT));
        boolean totp = share(mac[0], mac[1]) < totpPercent * 100;
        boolean passkey = share(mac[2], mac[3]) < passkeyPercent * 100;
        byte[] id = new byte[CREDENTIAL_ID_BYTES];
        System.arraycopy(mac, mac.length - CREDENTIAL_ID_BYTES, id, 0, CREDENTIAL_ID_BYTES);
        return new Decoy(totp, passkey, passkey ? List.of(Base64.getUrlEncoder().withoutPadding().encodeToString(id)) : List.of());
    }

    Decoy of(String name) {
        return of(name, Integer.getInteger("signet.auth.decoy.totp.percent", 50),
                Integer.getInteger("signet.auth.decoy.passkey.percent", 25));
    }

    /** Two bytes as a number from 0 to 9999, near enough uniform (65536 is not a multiple of 10000). */
    private static int share(byte high, byte low) {
        return (((high & 0xff) << 8) | (low & 0xff)) % 10_000;
    }

    private byte[] mac(String name) {
        try {
            // 64 bytes: four decide the mechanisms, the last 32 are the decoy passkey's id
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA512 unavailable", e);
        }
    }
}
