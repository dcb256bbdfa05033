package dev.signet.domain;

import dev.signet.secret.RandomTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the private keys Signet keeps in its database (AES-256-GCM, the JDK's provider) with
 * a key-encryption key that lives outside the database: {@code signet.kek.file}, by default
 * {@code data/signet/kek}, made on first boot (0600). A database dump alone reveals no signing
 * key. Every node of a cluster needs the same file.
 */
public final class KeyEncryption {
    private static final int IV_BYTES = 12;
    private final SecretKeySpec kek;

    private KeyEncryption(byte[] key) {
        this.kek = new SecretKeySpec(key, "AES");
    }

    /** Read once per server start (TOTP checks use it on every login); replacing the file needs a restart. */
    private static volatile KeyEncryption loaded;

    public static KeyEncryption fromConfiguredFile() {
        KeyEncryption current = loaded;
        if (current == null) {
            synchronized (KeyEncryption.class) {
                if (loaded == null) {
                    String configured = System.getProperty("signet.kek.file");
                    Path file = configured != null ? Path.of(configured) : DataDirectory.ensure(DataDirectory.path()).resolve("kek");
                    loaded = new KeyEncryption(loadOrCreate(file));
                }
                current = loaded;
            }
        }
        return current;
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.write(file, Base64.getEncoder().encode(RandomTokens.bytes(32)), StandardOpenOption.CREATE_NEW);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
            if (key.length != 32) {
                throw new IllegalStateException(file + " does not hold a 256-bit key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key-encryption key " + file, e);
        }
    }

    /**
     * A key for {@code purpose}, derived from the key-encryption key with HMAC-SHA256: the same on
     * every node that shares the file, useless for anything but its purpose.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    public String encrypt(String plaintext, String context) {
        try {
            byte[] iv = RandomTokens.bytes(IV_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String decrypt(String sealed, String context) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored key does not decrypt with this node's key-encryption key", e);
        }
    }
}
