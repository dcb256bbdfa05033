package dev.signet.web.oauth2;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The HTML of the sign-in flow: login, credentials, consent, device code and error pages. Plain
 * forms that work without JavaScript (the passkey page needs it for WebAuthn), every value
 * escaped, a CSP that allows only the page's own inline script, and no framing.
 */
final class SignInPages {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#222}"
            + "h1{font-size:1.4rem}label{display:block;margin:.8rem 0 .2rem}input[type=text],input[type=password]{width:100%;"
            + "padding:.5rem;box-sizing:border-box}button{margin-top:1rem;padding:.5rem 1.2rem}.error{color:#b00020}"
            + "ul.scopes li{margin:.2rem 0}.code{font:700 1.6rem ui-monospace,monospace;letter-spacing:.15rem}";

    private SignInPages() {
    }

    static Response username(String requestId, String client, String error, int status) {
        return page(status, "Sign in", "<h1>Sign in to " + escape(client) + "</h1>" + errorLine(error)
                + "<form method=\"post\" action=\"/oauth2/authorize/login\">" + hidden("request", requestId)
                + "<label for=\"username\">Username</label><input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" autofocus required>"
                + "<button type=\"submit\">Next</button></form>", null);
    }

    /** The password (and, for passwordmfa, TOTP or backup code) form of an authentication session. */
    static Response credentials(String requestId, String auth, String username, boolean mfa, boolean passkey) {
        StringBuilder body = new StringBuilder("<h1>Sign in as " + escape(username) + "</h1>")
                .append("<form method=\"post\" action=\"/oauth2/authorize/credential\">").append(hidden("request", requestId))
                .append(hidden("auth", auth));
        if (mfa) {
            body.append("<label for=\"totp\">Code from your authenticator app (or a backup code)</label>")
                    .append("<input type=\"text\" id=\"totp\" name=\"totp\" autocomplete=\"one-time-code\" inputmode=\"numeric\" required>");
        }
        body.append("<label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\" ")
                .append("autocomplete=\"current-password\" autofocus required><button type=\"submit\">Sign in</button></form>");
        if (passkey) {
            body.append("<form method=\"post\" action=\"/oauth2/authorize/passkey\">").append(hidden("request", requestId))
                    .append(hidden("username", username)).append("<button type=\"submit\">Use a passkey instead</button></form>");
        }
        return page(200, "Sign in", body.toString(), null);
    }

    /** Asks the browser's authenticator for an assertion over the challenge, then posts it. */
    static Response passkey(String requestId, String auth, JsonObject options) {
        String nonce = nonce();
        String script = "const o=" + options.toString().replace("<", "\\u003c") + ";"
                + "const b=s=>Uint8Array.from(atob(s.replace(/-/g,'+').replace(/_/g,'/')),c=>c.charCodeAt(0));"
                + "const e=a=>btoa(String.fromCharCode(...new Uint8Array(a))).replace(/\\+/g,'-').replace(/\\//g,'_').replace(/=+$/,'');"
                + "const p=o.publicKey;p.challenge=b(p.challenge);(p.allowCredentials||[]).forEach(c=>c.id=b(c.id));"
                + "navigator.credentials.get({publicKey:p}).then(c=>{document.getElementById('assertion').value=JSON.stringify({id:c.id,"
                + "rawId:e(c.rawId),type:c.type,response:{authenticatorData:e(c.response.authenticatorData),clientDataJSON:"
                + "e(c.response.clientDataJSON),signature:e(c.response.signature),userHandle:c.response.userHandle?e(c.response.userHandle):null}});"
                + "document.getElementById('f').submit();}).catch(x=>{document.getElementById('m').textContent='The passkey was not used: '+x;});";
        String body = "<h1>Use your passkey</h1><p id=\"m\">Follow your browser's prompt.</p>"
                + "<form id=\"f\" method=\"post\" action=\"/oauth2/authorize/passkey/finish\">" + hidden("request", requestId)
                + hidden("auth", auth) + "<input type=\"hidden\" id=\"assertion\" name=\"assertion\"></form>"
                + "<script nonce=\"" + nonce + "\">" + script + "</script>";
        return page(200, "Passkey", body, nonce);
    }

    static Response consent(String requestId, String client, List<String> scopes, String consentToken) {
        return page(200, "Consent", "<h1>" + escape(client) + " asks for access</h1><p>It will receive:</p>" + scopeList(scopes)
                + decision(requestId, consentToken, "Allow", "Deny"), null);
    }

    /**
     * RFC 8628 section 5.4: the device is named with the code it shows, so a person who was sent
     * a link by someone else's device sees whose device this is before anything is approved.
     */
    static Response deviceConfirm(String requestId, String client, List<String> scopes, String userCode, String consentToken) {
        return page(200, "Confirm device", "<h1>Sign in " + escape(client) + " on a device?</h1>"
                + "<p>Continue only if you started this yourself and your device shows this code:</p>"
                + "<p class=\"code\" id=\"user_code\">" + escape(userCode) + "</p><p>The device will receive:</p>" + scopeList(scopes)
                + decision(requestId, consentToken, "Sign the device in", "Deny"), null);
    }

    static Response deviceCode(String error) {
        return page(error == null ? 200 : 400, "Device sign-in", "<h1>Sign in a device</h1>" + errorLine(error)
                + "<form method=\"get\" action=\"/oauth2/device\"><label for=\"user_code\">The code your device shows</label>"
                + "<input type=\"text\" id=\"user_code\" name=\"user_code\" autocomplete=\"off\" autofocus required>"
                + "<button type=\"submit\">Continue</button></form>", null);
    }

    static Response message(int status, String title, String text) {
        return page(status, title, "<h1>" + escape(title) + "</h1><p" + (status >= 400 ? " class=\"error\"" : "") + ">"
                + escape(text) + "</p>", null);
    }

    private static String scopeList(List<String> scopes) {
        StringBuilder list = new StringBuilder("<ul class=\"scopes\">");
        for (String scope : scopes) {
            list.append("<li>").append(escape(describe(scope))).append("</li>");
        }
        return list.append("</ul>").toString();
    }

    /** The consent form: posted, with the request's token, from this page only. */
    private static String decision(String requestId, String consentToken, String allow, String deny) {
        return "<form method=\"post\" action=\"/oauth2/authorize/consent\">" + hidden("request", requestId)
                + hidden("consent_token", consentToken)
                + "<button type=\"submit\" name=\"decision\" value=\"allow\">" + escape(allow) + "</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"deny\">" + escape(deny) + "</button></form>";
    }

    private static String describe(String scope) {
        Map<String, String> known = Map.of("openid", "openid: that you signed in, and your account's unique id",
                "profile", "profile: your name and username", "email", "email: your email address",
                "groups", "groups: the groups you are a member of", "ssh_publickeys", "ssh_publickeys: your SSH public keys");
        return known.getOrDefault(scope, scope);
    }

    private static String errorLine(String error) {
        return error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static Response page(int status, String title, String body, String scriptNonce) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width,initial-scale=1\"><title>" + escape(title) + " - Signet</title><style>" + STYLE
                + "</style></head><body>" + body + "</body></html>";
        String csp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"
                + (scriptNonce == null ? "" : "; script-src 'nonce-" + scriptNonce + "'");
        // bytes, not a String: RESTEasy's MessageSanitizerContainerResponseFilter escapes every String entity of a
        // 400 text/html answer (for pages built from raw input), which would show these refusals as markup; every
        // value on these pages is escaped here, and the filter stays on for whatever else answers 400 in HTML
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html.getBytes(StandardCharsets.UTF_8))
                .header("Content-Security-Policy", csp).header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
