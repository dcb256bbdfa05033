package dev.signet.ldap.adapter;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The HTTPS side of the shared key pair: Elytron's key store {@code signetKS} read the file when
 * the server started, so after the key pair is generated it is told to load it again, and its key
 * manager {@code signetKM} to use it (the resources signet.cli defines). This goes through the
 * management model on the platform MBean server (WildFly's jmx subsystem). A deployment is itself
 * a management operation and holds the controller until it ends, so these calls wait for it: they
 * must run on a thread of their own, never on the deployment's.
 */
final class ElytronKeyStore {
    private static final Logger LOG = Logger.getLogger(ElytronKeyStore.class.getName());
    private static final String KEY_STORE = "jboss.as:subsystem=elytron,key-store=signetKS";
    private static final String KEY_MANAGER = "jboss.as:subsystem=elytron,key-manager=signetKM";
    /** A boot with a large deployment takes a minute on a slow machine; beyond that something is wrong. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String SERVER = "jboss.as:management-root=server";

    private ElytronKeyStore() {
    }

    /**
     * Loads and re-initialises once the server runs: a deployment that is part of the boot starts
     * before the management model answers for the Elytron resources (WFLYCTL0216, logged as an
     * error), so this waits for the server state {@code running}. After the boot, a deployment
     * holds the controller and the calls wait for it to end.
     */
    static void reload() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Instant deadline = Instant.now().plus(PATIENCE);
        try {
            while (!running(server)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the server did not reach the state running within " + PATIENCE);
                }
                Thread.sleep(POLL.toMillis());
            }
            server.invoke(new ObjectName(KEY_STORE), "load", new Object[0], new String[0]);
            server.invoke(new ObjectName(KEY_MANAGER), "init", new Object[0], new String[0]);
            LOG.info("HTTPS serves the generated key pair");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JMException | RuntimeException e) {
            LOG.warning(() -> "HTTPS could not be switched to the generated key pair (" + e
                    + "); restart the server so that it serves it");
        }
    }

    private static boolean running(MBeanServer server) {
        try {
            return "running".equals(server.getAttribute(new ObjectName(SERVER), "serverState"));
        } catch (JMException | RuntimeException e) {
            return false;
        }
    }
}
