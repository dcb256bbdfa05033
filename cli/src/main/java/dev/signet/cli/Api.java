package dev.signet.cli;

import jakarta.json.JsonValue;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * Authenticated calls as one account: its cached token, one line for every refusal, and a
 * read-only session met where a change needs the read-write window: on a terminal it asks to
 * reauthenticate and tries once more; without one it says to run {@code signet reauth}.
 */
final class Api {
    private final Server server;
    private final TokenCache cache;
    private final Prompter prompter;
    private final String explicitName;

    Api(Server server, TokenCache cache, Prompter prompter, String explicitName) {
        this.server = server;
        this.cache = cache;
        this.prompter = prompter;
        this.explicitName = explicitName;
    }

    Server server() {
        return server;
    }

    String key() {
        return server.url().toString();
    }

    /** {@code -D NAME}, else the name last logged in on this server. */
    String name() {
        if (explicitName != null) {
            return explicitName;
        }
        return cache.lastName(key()).orElseThrow(() -> CliFault.refused("not logged in to " + key() + ": run signet login -D NAME"));
    }

    String token() {
        String name = name();
        return cache.token(key(), name).orElseThrow(() -> CliFault.refused(
                "not logged in as " + name + " on " + key() + " (or the session expired): run signet login -D " + name));
    }

    /** The answer of a successful call; a refusal otherwise. */
    Server.Answer call(String method, String path, String body) {
        return call(method, path, body, Map.of());
    }

    Server.Answer call(String method, String path, String body, Map<String, String> headers) {
        Server.Answer answer = send(method, path, body, headers);
        if (answer.ok()) {
            return answer;
        }
        Refusal refusal = answer.refusal();
        if (refusal.status() == 401) {
            throw CliFault.refused(refusal.getMessage() + "; run signet login -D " + name());
        }
        if (refusal.needsReadWrite()) {
            if (!prompter.interactive()) {
                throw CliFault.refused(refusal.getMessage() + "; run signet reauth -D " + name() + " first");
            }
            prompter.say("This change needs the read-write window: reauthenticate as " + name());
            reauthenticate();
            answer = send(method, path, body, headers);
            if (!answer.ok()) {
                throw answer.refusal();
            }
        }
        if (!answer.ok()) {
            throw refusal;
        }
        return answer;
    }

    /** The JSON body of a successful call (null when the server answered without one). */
    JsonValue json(String method, String path, String body) {
        return call(method, path, body).json();
    }

    void reauthenticate() {
        String name = name();
        cache.store(key(), name, new Login(server, prompter).reauth(name, token()));
    }

    private Server.Answer send(String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + token());
        return server.send(method, path, body, all);
    }
}
