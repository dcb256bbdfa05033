package dev.signet.oauth2;

import dev.signet.secret.RandomTokens;
import dev.signet.credential.SecretDigest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * RFC 8628 device authorizations in the {@code oauth2} cache: the device polls with its device
 * code while the person enters the user code on the verification page, logs in and consents.
 */
// access checked: only the authorization and token services call this
@PermitAll
@Stateless
public class DeviceAuthorizations {
    static final long LIFETIME_SECONDS = 600;
    static final long INTERVAL_SECONDS = 5;
    /** RFC 8628 section 6.1: consonants only, no vowels (no words), no look-alikes. */
    private static final String USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

    public record Started(String deviceCode, String userCode) {
    }

    /** The state of one device authorization; {@code userCode} as the device shows it. */
    record Device(String key, UUID client, Set<String> scopes, String userCode, String status, Login login, long lastPoll) {
    }

    enum Poll { PENDING, SLOW_DOWN, DENIED, EXPIRED, APPROVED }

    record Polled(Poll outcome, Device device) {
    }

    @Resource(lookup = "java:jboss/infinispan/cache/signet/oauth2")
    private Cache<String, String> cache;

    public Started start(OAuth2Client client, Set<String> scopes) {
        String deviceCode = RandomTokens.urlSafe(32);
        String key = "device:" + SecretDigest.of(deviceCode);
        String userCode;
        do {
            userCode = userCode();
        } while (cache.putIfAbsent("user:" + userCode, key, LIFETIME_SECONDS, TimeUnit.SECONDS) != null);
        cache.put(key, json(new Device(key, client.uuid(), scopes, userCode, "pending", null, 0)), LIFETIME_SECONDS, TimeUnit.SECONDS);
        return new Started(deviceCode, userCode);
    }

    /** The device a person's user code names (case and dashes as people type them). */
    public Optional<Device> byUserCode(String userCode) {
        if (userCode == null || userCode.length() > 16) {
            return Optional.empty();
        }
        String normal = userCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        if (normal.length() != 8) {
            return Optional.empty();
        }
        String key = cache.get("user:" + normal.substring(0, 4) + "-" + normal.substring(4));
        return key == null ? Optional.empty() : waiting(key);
    }

    /** The device authorization under {@code key} while it still waits for a person's decision. */
    public Optional<Device> waiting(String key) {
        return load(key).filter(d -> d.status().equals("pending"));
    }

    /** Approves a device that still waits (one decision per device, whichever page gave it). */
    public boolean approve(String key, Login login) {
        return decide(key, "approved", login);
    }

    public void deny(String key) {
        decide(key, "denied", null);
    }

    /**
     * Decides a device that still waits, by compare-and-set on the cache entry: a poll that lands
     * between reading and writing must neither undo the decision (the person told "signed in", the
     * device timing out) nor let approve and deny both succeed.
     */
    private boolean decide(String key, String status, Login login) {
        for (int tries = 0; tries < 16; tries++) {
            String read = cache.get(key);
            Optional<Device> device = parse(key, read).filter(d -> d.status().equals("pending"));
            if (device.isEmpty()) {
                return false;
            }
            Device d = device.get();
            if (swap(key, read, new Device(key, d.client(), d.scopes(), d.userCode(), status, login, d.lastPoll()))) {
                return true;
            }
        }
        return false;
    }

    private boolean swap(String key, String read, Device next) {
        return cache.replace(key, read, json(next), LIFETIME_SECONDS, TimeUnit.SECONDS);
    }

    /** The device asks whether it may have its tokens; an approval is handed out once. */
    public Polled poll(String deviceCode, OAuth2Client client) {
        if (deviceCode == null || deviceCode.length() > 128) {
            return new Polled(Poll.EXPIRED, null);
        }
        String key = "device:" + SecretDigest.of(deviceCode);
        String read = cache.get(key);
        Optional<Device> found = parse(key, read).filter(d -> d.client().equals(client.uuid()));
        if (found.isEmpty()) {
            return new Polled(Poll.EXPIRED, null);
        }
        Device device = found.get();
        long now = Instant.now().getEpochSecond();
        switch (device.status()) {
            case "approved" -> {
                return cache.remove(key) != null ? new Polled(Poll.APPROVED, device) : new Polled(Poll.EXPIRED, null);
            }
            case "denied" -> {
                cache.remove(key);
                return new Polled(Poll.DENIED, device);
            }
            default -> {
                boolean tooSoon = now - device.lastPoll() < INTERVAL_SECONDS;
                // only while still pending: a decision made since the read stands, and the next poll sees it
                swap(key, read, new Device(key, device.client(), device.scopes(), device.userCode(), device.status(), null, now));
                return new Polled(tooSoon ? Poll.SLOW_DOWN : Poll.PENDING, device);
            }
        }
    }

    private Optional<Device> load(String key) {
        return parse(key, cache.get(key));
    }

    private static Optional<Device> parse(String key, String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        JsonObject json = Json.createReader(new StringReader(stored)).readObject();
        Login login = Login.readFrom(json);
        return Optional.of(new Device(key, UUID.fromString(json.getString("client")),
                new LinkedHashSet<>(Arrays.asList(json.getString("scopes").split(" "))), json.getString("userCode"),
                json.getString("status"), login, json.getJsonNumber("lastPoll").longValue()));
    }

    private static String json(Device device) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("client", device.client().toString())
                .add("scopes", String.join(" ", device.scopes())).add("userCode", device.userCode()).add("status", device.status())
                .add("lastPoll", device.lastPoll());
        if (device.login() != null) {
            device.login().writeTo(json);
        }
        return json.build().toString();
    }

    private static String userCode() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(USER_CODE_ALPHABET.charAt(RandomTokens.below(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
