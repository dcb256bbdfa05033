package dev.signet.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import javax.net.ssl.SSLPeerUnverifiedException;

class SourceFailureTest {
    @Test
    void aRefusedBindNamesTheResultCodeAndTheDirectorysMessage() {
        SourceFailure failure = SourceFailure.at(SourceFailure.Stage.BIND,
                new LDAPException(ResultCode.INVALID_CREDENTIALS, "no such user or wrong password"));
        assertEquals("bind: LDAP result invalid credentials (49): no such user or wrong password", failure.getMessage());
        assertEquals(SourceFailure.Stage.BIND, failure.stage());
    }

    @Test
    void anUntrustedCertificateIsATlsFailureWhereverItSurfaced() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException(new CertPathBuilderException("unable to find valid certification path")));
        SourceFailure failure = SourceFailure.at(SourceFailure.Stage.CONNECT,
                new LDAPException(ResultCode.CONNECT_ERROR, "An error occurred while connecting", new IOException(handshake)));
        assertEquals(SourceFailure.Stage.TLS, failure.stage());
        assertTrue(failure.getMessage().startsWith("tls: the directory's certificate does not chain to ca_pem"), failure.getMessage());

        SourceFailure alert = SourceFailure.at(SourceFailure.Stage.BIND,
                new LDAPException(ResultCode.SERVER_DOWN, "gone", new SSLHandshakeException("Received fatal alert: protocol_version")));
        assertEquals("tls: TLS handshake failed: Received fatal alert: protocol_version", alert.getMessage());
    }

    @Test
    void aHandshakeThatNeverFinishedSaysSo() {
        SourceFailure silent = SourceFailure.at(SourceFailure.Stage.CONNECT,
                new LDAPException(ResultCode.CONNECT_ERROR, "x", new SSLPeerUnverifiedException("peer not authenticated")));
        assertEquals(SourceFailure.Stage.TLS, silent.stage());
        assertTrue(silent.getMessage().startsWith("tls: the TLS handshake did not complete"), silent.getMessage());
    }

    @Test
    void networkFailuresSayWhatTheNetworkSaid() {
        assertEquals("connect: cannot connect: Connection refused", SourceFailure.at(SourceFailure.Stage.CONNECT,
                new LDAPException(ResultCode.CONNECT_ERROR, "x", new ConnectException("Connection refused"))).getMessage());
        assertEquals("connect: unknown host ldap.invalid", SourceFailure.at(SourceFailure.Stage.CONNECT,
                new LDAPException(ResultCode.CONNECT_ERROR, "x", new UnknownHostException("ldap.invalid"))).getMessage());
    }

    @Test
    void aRunReportKeepsAStagedFailureAndStagesAnythingElse() {
        SourceFailure bind = SourceFailure.at(SourceFailure.Stage.BIND, new LDAPException(ResultCode.INVALID_CREDENTIALS, "x"));
        assertEquals(bind.getMessage(), SourceFailure.describe(new RuntimeException(bind), SourceFailure.Stage.SEARCH));
        assertEquals("search: LDAP result no such object (32): base gone",
                SourceFailure.describe(new LDAPException(ResultCode.NO_SUCH_OBJECT, "base gone"), SourceFailure.Stage.SEARCH));
    }
}
