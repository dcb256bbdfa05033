package dev.signet.cli;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The step protocol of {@code POST /v1/auth} from a terminal or a pipe: choose the mechanism the
 * server offers (a password, or a password with a TOTP or backup code), ask for each credential it
 * then wants, and end with a token or the server's one denial. Logins ask for a privileged
 * session, as Kanidm's admin tools do: changes are allowed for the read-write window right away.
 */
final class Login {
    static final String PASSWORD = "password";
    static final String PASSWORD_MFA = "passwordmfa";
    static final String TOTP = "totp";
    static final String BACKUP_CODE = "backup_code";
    static final String PASSKEY = "passkey";

    private final Server server;
    private final Prompter prompter;

    Login(Server server, Prompter prompter) {
        this.server = server;
        this.prompter = prompter;
    }

    /** A new session for {@code name}; answers its token. */
    String login(String name) {
        String body = Json.createObjectBuilder().add("step", Json.createObjectBuilder()
                .add("init2", Json.createObjectBuilder().add("username", name).add("privileged", true))).build().toString();
        Server.Answer init = expect(server.send("POST", "/v1/auth", body, Map.of()));
        return walk(name, init);
    }

    /** Opens the read-write window of the session behind {@code token} again; answers the fresh token. */
    String reauth(String name, String token) {
        Server.Answer start = server.send("POST", "/v1/reauth", null, Map.of("Authorization", "Bearer " + token));
        if (start.status() == 401) {
            throw CliFault.refused(start.refusal().getMessage() + "; the session has ended: run signet login -D " + name);
        }
        return walk(name, expect(start));
    }

    private String walk(String name, Server.Answer first) {
        String session = first.header(Server.SESSION_HEADER);
        JsonObject state = state(first);
        List<String> offered = strings(state.get("choose"));
        String mechanism;
        if (offered.contains(PASSWORD_MFA)) {
            mechanism = PASSWORD_MFA;
            prompter.say(name + " logs in with a password and a TOTP code (or a backup code)");
        } else if (offered.contains(PASSWORD)) {
            mechanism = PASSWORD;
        } else if (offered.contains(PASSKEY)) {
            throw CliFault.refused(name + " logs in with a passkey only, which needs a browser: sign in on the web pages instead");
        } else {
            throw CliFault.refused("the server offers no login this client can do for " + name + " (offered: " + offered + ")");
        }
        state = step(session, Json.createObjectBuilder().add("begin", mechanism).build());
        for (int steps = 0; steps < 4; steps++) {
            if (state.containsKey("success")) {
                return state.getString("success");
            }
            if (state.containsKey("denied")) {
                throw CliFault.refused("login denied: " + state.getString("denied"));
            }
            List<String> wanted = strings(state.get("continue"));
            JsonObject credential;
            if (wanted.contains(TOTP) || wanted.contains(BACKUP_CODE)) {
                String code = prompter.secret("TOTP code (or a backup code)").trim();
                credential = Json.createObjectBuilder().add(code.matches("\\d{6,8}") ? TOTP : BACKUP_CODE, code).build();
            } else if (wanted.contains(PASSWORD)) {
                credential = Json.createObjectBuilder().add(PASSWORD, prompter.secret("Password for " + name)).build();
            } else {
                throw CliFault.refused("the server wants a credential this client cannot give: " + wanted);
            }
            state = step(session, Json.createObjectBuilder().add("cred", credential).build());
        }
        throw CliFault.refused("the login did not end after every credential was given");
    }

    private JsonObject step(String session, JsonObject step) {
        String body = Json.createObjectBuilder().add("step", step).build().toString();
        return state(expect(server.send("POST", "/v1/auth", body, Map.of(Server.SESSION_HEADER, session))));
    }

    private static Server.Answer expect(Server.Answer answer) {
        if (!answer.ok()) {
            throw answer.refusal();
        }
        return answer;
    }

    private static JsonObject state(Server.Answer answer) {
        JsonValue body = answer.json();
        if (!(body instanceof JsonObject object) || !(object.get("state") instanceof JsonObject state)) {
            throw CliFault.refused("the server's answer to a login step has no state");
        }
        return state;
    }

    private static List<String> strings(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList();
    }
}
