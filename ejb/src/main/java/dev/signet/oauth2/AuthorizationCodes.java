package dev.signet.oauth2;

import dev.signet.secret.RandomTokens;
import dev.signet.credential.SecretDigest;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;

/**
 * Authorization codes: 60 seconds, single use, in the cluster-wide {@code oauth2} cache under
 * their digest. A redeemed code leaves a marker naming the grant it produced, so a second
 * redemption (a stolen code) can revoke that grant.
 */
// access checked: only the authorization and token services call this
@PermitAll
@Stateless
public class AuthorizationCodes {
    static final long CODE_SECONDS = 60;
    private static final long MARKER_SECONDS = 600;
    private static final String REDEEMED = "redeemed:";

    /** The outcome of presenting a code: its grant, or the grant a reused code had produced. */
    record Redemption(CodeGrant grant, UUID newGrantId, UUID reusedGrantId) {
    }

    @Resource(lookup = "java:jboss/infinispan/cache/signet/oauth2")
    private Cache<String, String> cache;

    public String issue(CodeGrant grant) {
        String code = RandomTokens.urlSafe(32);
        cache.put(key(code), grant.toJson(), CODE_SECONDS, TimeUnit.SECONDS);
        return code;
    }

    /** Marks the code used, atomically across the cluster; empty when it is unknown or expired. */
    public Optional<Redemption> redeem(String code) {
        if (code == null || code.length() > 128) {
            return Optional.empty();
        }
        String key = key(code);
        for (int attempt = 0; attempt < 3; attempt++) {
            String stored = cache.get(key);
            if (stored == null) {
                return Optional.empty();
            }
            if (stored.startsWith(REDEEMED)) {
                return Optional.of(new Redemption(null, null, UUID.fromString(stored.substring(REDEEMED.length()))));
            }
            UUID grantId = UUID.randomUUID();
            if (cache.replace(key, stored, REDEEMED + grantId, MARKER_SECONDS, TimeUnit.SECONDS)) {
                return Optional.of(new Redemption(CodeGrant.fromJson(stored), grantId, null));
            }
        }
        return Optional.empty();
    }

    private static String key(String code) {
        return "code:" + SecretDigest.of(code);
    }
}
