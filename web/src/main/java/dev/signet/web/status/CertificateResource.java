package dev.signet.web.status;

import dev.signet.domain.ServerCertificate;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /ca.pem} (no auth): the certificate chain HTTPS and LDAPS serve, for clients to
 * trust ({@code curl --cacert}, {@code LDAPTLS_CACERT}, {@code keytool -importcert}). With the
 * generated self-signed key pair that certificate is its own CA. Fetch it once over a channel you
 * trust (or compare its fingerprint with {@code openssl s_client} on the server's machine).
 */
@RequestScoped
@Path("ca.pem")
public class CertificateResource {
    static final String PEM = "application/x-pem-file";

    @EJB
    private ServerCertificate certificate;

    @GET
    @Produces(PEM)
    public String pem() {
        return certificate.pem();
    }
}
