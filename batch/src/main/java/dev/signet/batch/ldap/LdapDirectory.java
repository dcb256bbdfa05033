package dev.signet.batch.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import dev.signet.sync.LdapSource;
import dev.signet.sync.SyncRuns;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A bound connection to a sync account's directory: LDAPS, or plain LDAP upgraded with StartTLS
 * before the bind. The server's certificate must chain to the configured CA (or the JVM's trust
 * store) and name the host.
 */
final class LdapDirectory {
    private LdapDirectory() {
    }

    static LDAPConnection connect(SyncRuns.SourceAccess access) throws LDAPException {
        LdapSource source = access.source();
        try {
            SSLUtil tls = new SSLUtil(trust(source.caPem()));
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            options.setConnectTimeoutMillis(10_000);
            options.setResponseTimeoutMillis(120_000);
            LDAPConnection connection;
            if (source.startTls()) {
                connection = new LDAPConnection(options, source.host(), source.port());
                var result = connection.processExtendedOperation(new StartTLSExtendedRequest(tls.createSSLContext("TLSv1.2")));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    connection.close();
                    throw new LDAPException(result.getResultCode(), "StartTLS refused by " + source.host());
                }
            } else {
                connection = new LDAPConnection(tls.createSSLSocketFactory("TLSv1.2"), options, source.host(), source.port());
            }
            connection.bind(source.bindDn(), new String(access.password()));
            return connection;
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS setup for " + source.host() + " failed: " + e.getMessage(), e);
        }
    }

    /** Trust exactly the configured CA certificate(s), or the JVM's trust store without one. */
    private static TrustManager[] trust(String caPem) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caPem == null || caPem.isBlank()) {
            factory.init((KeyStore) null);
            return factory.getTrustManagers();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))) {
            store.setCertificateEntry("ca" + i++, certificate);
        }
        factory.init(store);
        return factory.getTrustManagers();
    }
}
