package dev.signet.radius;

import dev.signet.adapter.radius.RadiusClientKey;
import dev.signet.domain.KeyEncryption;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The registered RADIUS clients as the listener needs them on every packet: found by source
 * address, with their secrets unsealed, held in memory. The table of network devices is small
 * and read far more than written, so it is loaded whole at most every {@link #REFRESH} (another
 * node's change is seen within that) and at once after a change on this node commits. Where
 * several clients' ranges hold an address, the longest prefix wins (as in routing).
 */
@ApplicationScoped
public class RadiusClientDirectory {
    static final Duration REFRESH = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(RadiusClientDirectory.class.getName());

    /** One client as the decision needs it. */
    record Client(UUID uuid, RadiusClientKey key, List<AddressRange> ranges, List<UUID> groups, Optional<Integer> sessionTimeout) {
    }

    private record Snapshot(long loadedAt, Map<InetAddress, Client> exact, List<Map.Entry<AddressRange, Client>> blocks,
                            Map<String, Client> byName) {
    }

    @PersistenceContext(unitName = "signet")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private volatile Snapshot snapshot;
    private volatile boolean warned;

    /** The client registered for this source address, if any (one with no secret yet is none). */
    public Optional<Client> at(String sourceAddress) {
        Optional<InetAddress> source = AddressRange.source(sourceAddress);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Snapshot current = current();
        Client exact = current.exact().get(source.get());
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<AddressRange, Client> block : current.blocks()) {
            if (block.getKey().contains(source.get())) {
                return Optional.of(block.getValue());
            }
        }
        return Optional.empty();
    }

    public Optional<Client> named(String name) {
        return Optional.ofNullable(current().byName().get(name));
    }

    /** A change to the registry: reloaded once the change's transaction ends (or now, outside one). */
    void changed() {
        if (transactions != null && transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        snapshot = null;
                    }
                }
            });
        } else {
            snapshot = null;
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > REFRESH.toNanos()) {
            synchronized (this) {
                current = snapshot;
                if (current == null || System.nanoTime() - current.loadedAt() > REFRESH.toNanos()) {
                    current = load();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private Snapshot load() {
        Map<InetAddress, Client> exact = new HashMap<>();
        List<Map.Entry<AddressRange, Client>> blocks = new ArrayList<>();
        Map<String, Client> byName = new HashMap<>();
        KeyEncryption kek = KeyEncryption.fromConfiguredFile();
        List<String> exempt = new ArrayList<>();
        for (RadiusClient stored : em.createQuery("select c from RadiusClient c", RadiusClient.class).getResultList()) {
            if (stored.sealedSecret().isEmpty()) {
                continue; // not usable until an admin generates its secret
            }
            byte[] secret = kek.decrypt(stored.sealedSecret().get(), RadiusClients.SECRET_CONTEXT + stored.uuid()).getBytes(StandardCharsets.UTF_8);
            List<AddressRange> ranges = stored.addresses().stream().map(a -> AddressRange.parse(a).orElseThrow()).toList();
            Client client = new Client(stored.uuid(), new RadiusClientKey(stored.name(), secret, stored.requireMessageAuthenticator()),
                    ranges, List.copyOf(stored.groups()), stored.sessionTimeout());
            byName.put(stored.name(), client);
            if (!stored.requireMessageAuthenticator()) {
                exempt.add(stored.name());
            }
            for (AddressRange range : ranges) {
                if (range.prefix() == range.network().getAddress().length * 8) {
                    exact.putIfAbsent(range.network(), client);
                } else {
                    blocks.add(Map.entry(range, client));
                }
            }
        }
        blocks.sort(Comparator.comparingInt((Map.Entry<AddressRange, Client> e) -> e.getKey().prefix()).reversed());
        if (!warned && !exempt.isEmpty()) {
            // once per node start: the warning an admin gets when turning it off, again for whoever reads the boot log
            LOG.warning(() -> "RADIUS clients accepted without Message-Authenticator (BlastRADIUS, CVE-2024-3596; "
                    + "only limit_proxy_state applies): " + String.join(", ", exempt));
        }
        warned = true;
        return new Snapshot(System.nanoTime(), Map.copyOf(exact), List.copyOf(blocks), Map.copyOf(byName));
    }
}
