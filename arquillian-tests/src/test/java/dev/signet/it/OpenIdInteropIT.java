package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.io.StringReader;

/**
 * Interoperability: {@code openid-client} (an OpenID-certified relying party library for
 * Node.js, from the npm registry, unchanged) signs a person in through discovery, code with PKCE,
 * id_token validation (signature against the JWKS included) and userinfo.
 */
@ExtendWith(ArquillianExtension.class)
class OpenIdInteropIT {
    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void openidClientSignsAPersonInUnchanged() throws Exception {
        OidcFixture app = OidcFixture.confidential();
        Path nodeDir = Path.of(System.getProperty("signet.node.dir"));
        ProcessBuilder node = new ProcessBuilder("node", "relying-party.mjs", SignetServer.HTTPS + "/oauth2/openid/" + app.client(),
                app.client(), app.secret(), app.redirect().toString()).directory(nodeDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(nodeDir.resolve("relying-party.err").toFile()));
        // the RP trusts exactly the test server's self-signed certificate, nothing is switched off
        node.environment().put("NODE_EXTRA_CA_CERTS", serverCertificate(nodeDir).toString());
        Process rp = node.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(rp.getInputStream(), StandardCharsets.UTF_8));
             Writer in = new OutputStreamWriter(rp.getOutputStream(), StandardCharsets.UTF_8)) {
            String first = out.readLine();
            if (first == null) {
                throw new AssertionError("openid-client failed: " + Files.readString(nodeDir.resolve("relying-party.err")));
            }
            URI authorize = URI.create(json(first).getString("authorize"));
            Browser browser = new Browser();
            HttpResponse<String> consent = browser.signIn(authorize, app.member(), OidcFixture.PASSWORD);
            URI callback = Browser.location(browser.consent(consent, true));
            in.write(callback + "\n");
            in.flush();
            String second = out.readLine();
            if (second == null) {
                throw new AssertionError("openid-client failed: " + Files.readString(nodeDir.resolve("relying-party.err")));
            }
            JsonObject result = json(second);
            JsonObject claims = result.getJsonObject("claims");
            JsonObject userinfo = result.getJsonObject("userinfo");
            assertEquals(SignetServer.HTTPS + "/oauth2/openid/" + app.client(), claims.getString("iss"));
            assertEquals(app.client(), claims.getString("aud"));
            assertEquals(claims.getString("sub"), userinfo.getString("sub"));
            assertEquals(app.member() + "@example.com", userinfo.getString("email"));
            assertTrue(claims.containsKey("at_hash") && claims.containsKey("nonce"));
        } finally {
            assertTrue(rp.waitFor(30, TimeUnit.SECONDS), "the relying party finished");
            rp.destroy();
        }
        assertEquals(0, rp.exitValue(), () -> "openid-client exit: " + read(nodeDir.resolve("relying-party.err")));
    }

    private static JsonObject json(String line) {
        return Json.createReader(new StringReader(line)).readObject();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The certificate the server presents, as PEM, for the RP's trust store. */
    private static Path serverCertificate(Path dir) throws Exception {
        SignetServer server = new SignetServer();
        server.get("/status");
        X509Certificate certificate = server.presentedChain()[0];
        Path pem = dir.resolve("signet-server.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return pem;
    }
}
