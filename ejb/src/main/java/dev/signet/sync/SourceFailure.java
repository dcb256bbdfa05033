package dev.signet.sync;

import com.unboundid.ldap.sdk.LDAPException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.util.Locale;

/**
 * Why reading a sync source failed, in words an admin can act on: the stage that failed
 * (connect, tls, bind, search) and the reason (the LDAP result code and the directory's message,
 * the TLS alert or certificate problem, the network error). A run's report and {@code _ldap/_test}
 * both say it; the bind password never appears, as UnboundID's messages do not carry it.
 */
public final class SourceFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where in talking to the directory it failed. */
    public enum Stage {
        CONNECT, TLS, BIND, SEARCH;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Stage stage;

    public SourceFailure(Stage stage, String reason, Throwable cause) {
        super(stage.label() + ": " + reason, cause);
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    /** The failure of one stage, its reason read from the cause chain. */
    public static SourceFailure at(Stage stage, Throwable failure) {
        return new SourceFailure(refine(stage, failure), reason(failure), failure);
    }

    /** A run's report: a source failure as it is, anything else with the stage it most likely failed at. */
    public static String describe(Throwable failure, Stage otherwise) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SourceFailure known) {
                return known.getMessage();
            }
        }
        return at(otherwise, failure).getMessage();
    }

    /** A connection that fails in its TLS handshake failed at TLS, whatever call it was in. */
    private static Stage refine(Stage stage, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof CertificateException || cause instanceof CertPathBuilderException
                    || cause instanceof CertPathValidatorException) {
                return Stage.TLS;
            }
        }
        return stage;
    }

    static String reason(Throwable failure) {
        Throwable cause = failure;
        String tls = null;
        for (Throwable c = failure; c != null; c = c.getCause()) {
            cause = c;
            if (c instanceof CertPathBuilderException || c instanceof CertPathValidatorException) {
                return "the directory's certificate does not chain to ca_pem (or to the JVM's trust store without one): " + c.getMessage();
            }
            if (c instanceof SSLPeerUnverifiedException) {
                // what the host name check sees when the handshake never finished
                return "the TLS handshake did not complete: the directory closed the connection or did not answer in time";
            }
            if (c instanceof SSLException && tls == null) {
                tls = c.getMessage();
            }
            if (c instanceof UnknownHostException) {
                return "unknown host " + c.getMessage();
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return "cannot connect: " + c.getMessage();
            }
            if (c instanceof SocketTimeoutException) {
                return "timed out: " + c.getMessage();
            }
        }
        if (tls != null) {
            return "TLS handshake failed: " + tls;
        }
        if (failure instanceof LDAPException ldap) {
            String message = ldap.getDiagnosticMessage() != null && !ldap.getDiagnosticMessage().isBlank() ? ldap.getDiagnosticMessage()
                    : ldap.getMessage();
            return "LDAP result " + ldap.getResultCode().getName() + " (" + ldap.getResultCode().intValue() + "): " + message;
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
