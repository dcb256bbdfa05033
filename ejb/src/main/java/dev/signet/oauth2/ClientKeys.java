package dev.signet.oauth2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.signet.domain.KeyEncryption;
import dev.signet.auth.SignatureProvider;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each client's signing keys (Kanidm keeps one per resource server): ES256 by default, RS256 when
 * the client asks for legacy crypto. Rotation retires the current key; a retired key stays
 * published for {@link #PUBLISHED_AFTER_RETIREMENT} so the tokens it signed still verify.
 */
// access checked: by the callers, the registry (AccessControl) and the token services
@PermitAll
@Stateless
public class ClientKeys {
    /** Longer than any token a client key signs (access and id tokens live at most an hour). */
    static final Duration PUBLISHED_AFTER_RETIREMENT = Duration.ofSeconds(OAuth2Client.MAX_ACCESS_SECONDS).plusMinutes(5);
    private static final String CONTEXT = "signet oauth2 client key";
    /** Keys never change once made, so every node keeps the ones it has parsed. */
    private static final Map<String, JWK> PARSED = new ConcurrentHashMap<>();
    private static final Map<String, JWSSigner> SIGNERS = new ConcurrentHashMap<>();
    private static final Map<String, JWSVerifier> VERIFIERS = new ConcurrentHashMap<>();
    private static final Map<UUID, ActiveKey> ACTIVE = new ConcurrentHashMap<>();
    /** How long a node keeps signing with the key it knows as current after another node rotated. */
    private static final Duration ACTIVE_CACHE = Duration.ofSeconds(10);

    private record ActiveKey(String kid, Instant readAt) {
    }

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    /** A new current key for the client in the algorithm it wants; the previous one retires. */
    public void rotate(OAuth2Client client) {
        Instant now = Instant.now();
        for (ClientKey key : current(client.uuid())) {
            key.retire(now);
        }
        JWK key = generate(client.legacyCrypto() ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256);
        em.persist(new ClientKey(key.getKeyID(), client.uuid(), key.getAlgorithm().getName(),
                KeyEncryption.fromConfiguredFile().encrypt(key.toJSONString(), CONTEXT), key.toPublicJWK().toJSONString(), now));
        ACTIVE.remove(client.uuid());
    }

    /** Removes every key of a deleted client. */
    public void removeAll(UUID client) {
        em.createQuery("delete from ClientKey k where k.client = :client").setParameter("client", client).executeUpdate();
        ACTIVE.remove(client);
    }

    /** Signs the claims with the client's current key. */
    public String sign(OAuth2Client client, JWTClaimsSet claims, JOSEObjectType type) {
        JWK key = activeKey(client);
        try {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(key.getAlgorithm().getName());
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build(), claims);
            jwt.sign(SIGNERS.computeIfAbsent(key.getKeyID(), kid -> signer(key)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
    }

    /** The signing algorithm tokens of this client carry now (for at_hash). */
    public JWSAlgorithm algorithm(OAuth2Client client) {
        return JWSAlgorithm.parse(activeKey(client).getAlgorithm().getName());
    }

    /** The claims of a JWT signed by one of the client's published keys, if the signature verifies. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<JWTClaimsSet> verify(OAuth2Client client, String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            String kid = jwt.getHeader().getKeyID();
            if (kid == null || kid.length() > 64) {
                return Optional.empty();
            }
            ClientKey stored = em.find(ClientKey.class, kid);
            if (stored == null || !stored.client().equals(client.uuid()) || !published(stored, Instant.now())
                    || !stored.algorithm().equals(jwt.getHeader().getAlgorithm().getName())) {
                return Optional.empty();
            }
            JWSVerifier verifier = VERIFIERS.computeIfAbsent(kid, k -> verifier(parsed(stored)));
            return jwt.verify(verifier) ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The client's published public keys ({@code public_key.jwk}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JWKSet published(OAuth2Client client) {
        Instant now = Instant.now();
        List<JWK> keys = new ArrayList<>();
        for (ClientKey key : em.createQuery("select k from ClientKey k where k.client = :client order by k.created desc", ClientKey.class)
                .setParameter("client", client.uuid()).getResultList()) {
            if (published(key, now)) {
                try {
                    keys.add(JWK.parse(key.publicJwk()));
                } catch (ParseException e) {
                    throw new IllegalStateException("stored public key " + key.kid() + " unreadable", e);
                }
            }
        }
        return new JWKSet(keys);
    }

    private static boolean published(ClientKey key, Instant now) {
        return key.retiredAt().map(retired -> now.isBefore(retired.plus(PUBLISHED_AFTER_RETIREMENT))).orElse(true);
    }

    private JWK activeKey(OAuth2Client client) {
        Instant now = Instant.now();
        ActiveKey known = ACTIVE.get(client.uuid());
        if (known != null && now.isBefore(known.readAt().plus(ACTIVE_CACHE))) {
            JWK key = PARSED.get(known.kid());
            if (key != null && matches(client, key)) {
                return key;
            }
        }
        List<ClientKey> current = current(client.uuid());
        ClientKey stored = current.isEmpty() ? null : current.get(0);
        if (stored == null || !matches(client, parsed(stored))) {
            // the client switched algorithm (or lost its key): sign from now on with a new one
            rotate(client);
            stored = current(client.uuid()).get(0);
        }
        ACTIVE.put(client.uuid(), new ActiveKey(stored.kid(), now));
        return parsed(stored);
    }

    private static boolean matches(OAuth2Client client, JWK key) {
        return client.legacyCrypto() ? key instanceof RSAKey : key instanceof ECKey;
    }

    private List<ClientKey> current(UUID client) {
        return em.createQuery("select k from ClientKey k where k.client = :client and k.retiredAt is null order by k.created desc",
                ClientKey.class).setParameter("client", client).getResultList();
    }

    private static JWK parsed(ClientKey stored) {
        return PARSED.computeIfAbsent(stored.kid(), kid -> {
            try {
                return JWK.parse(KeyEncryption.fromConfiguredFile().decrypt(stored.sealedJwk(), CONTEXT));
            } catch (ParseException e) {
                throw new IllegalStateException("stored key " + kid + " unreadable", e);
            }
        });
    }

    private static JWK generate(JWSAlgorithm algorithm) {
        try {
            return JWSAlgorithm.RS256.equals(algorithm)
                    ? new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).keyIDFromThumbprint(true).generate()
                    : new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(algorithm).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /** Signers and verifiers are thread-safe and their keys never change: one of each per key and node. */
    private static JWSSigner signer(JWK key) {
        try {
            return key instanceof ECKey ec ? SignatureProvider.ecSigner(ec) : SignatureProvider.fast(new RSASSASigner(key.toRSAKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable signing key " + key.getKeyID(), e);
        }
    }

    private static JWSVerifier verifier(JWK key) {
        try {
            return key instanceof ECKey ec ? SignatureProvider.ecVerifier(ec)
                    : SignatureProvider.fast(new RSASSAVerifier(key.toRSAKey().toRSAPublicKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable verification key " + key.getKeyID(), e);
        }
    }
}
