package dev.signet.auth;

import dev.signet.domain.KeyEncryption;
import jakarta.annotation.security.PermitAll;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The ES256 key that signs Signet's bearer tokens: generated on first boot, stored encrypted in
 * the database so every node of a cluster signs and verifies with the same key.
 */
@PermitAll
@Startup
@Singleton
@DependsOn("Domain")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TokenKeys {
    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());
    private static final String CONTEXT = "signet token signing key";

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    private volatile Keyring keyring;

    @PostConstruct
    void loadOrCreate() {
        KeyEncryption encryption = KeyEncryption.fromConfiguredFile();
        List<SigningKey> stored = em.createQuery("select k from SigningKey k order by k.created desc", SigningKey.class)
                .setMaxResults(1).getResultList();
        try {
            ECKey key;
            if (stored.isEmpty()) {
                key = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
                em.persist(new SigningKey(key.getKeyID(), "ES256", encryption.encrypt(key.toJSONString(), CONTEXT), Instant.now()));
                String kid = key.getKeyID();
                LOG.info(() -> "First boot: created token signing key " + kid);
            } else {
                key = ECKey.parse(encryption.decrypt(stored.get(0).sealedJwk(), CONTEXT));
            }
            keyring = new Keyring(key);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("token signing key unusable", e);
        }
    }

    public Keyring keyring() {
        return keyring;
    }
}
