package dev.signet.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code signet oauth2 ...} (also {@code signet system oauth2 ...}, Kanidm's place for it): OAuth2
 * clients, their redirect URLs, scope and claim maps, secrets and keys.
 */
@Command(name = "oauth2", description = "OAuth2 / OpenID Connect clients.",
        subcommands = {OAuth2Command.Create.class, OAuth2Command.CreatePublic.class, EntryCommands.Get.class, EntryCommands.ListEntries.class,
                EntryCommands.Delete.class, OAuth2Command.AddRedirectUrl.class, OAuth2Command.RemoveRedirectUrl.class,
                OAuth2Command.SetDisplayname.class, OAuth2Command.SetLandingUrl.class,
                OAuth2Command.UpdateScopeMap.class, OAuth2Command.DeleteScopeMap.class, OAuth2Command.UpdateSupScopeMap.class,
                OAuth2Command.DeleteSupScopeMap.class, OAuth2Command.UpdateClaimMap.class, OAuth2Command.DeleteClaimMap.class,
                OAuth2Command.ResetBasicSecret.class, OAuth2Command.RotateKeys.class, OAuth2Command.SetTokenLifetime.class,
                OAuth2Command.DisablePkce.class, OAuth2Command.EnablePkce.class})
final class OAuth2Command {
    static final String REDIRECT = "oauth2_rs_origin";
    static final String LANDING = "oauth2_rs_origin_landing";

    abstract static class CreateClient extends Action {
        @Parameters(index = "0", paramLabel = "NAME", description = "the client id")
        String name;

        @Parameters(index = "1", paramLabel = "DISPLAYNAME")
        String displayname;

        @Option(names = "--origin", required = true, paramLabel = "URL", description = "the application's landing URL (its origin), e.g. https://app.example.com")
        String origin;

        abstract String path();

        @Override
        void run() {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("name", List.of(name));
            attrs.put("displayname", List.of(displayname));
            attrs.put(LANDING, List.of(origin));
            Server.Answer answer = api().call("POST", Kind.OAUTH2.path + path(), RestJson.attrs(attrs));
            show(answer, () -> {
                out().println("created OAuth2 client " + name);
                String secret = RestJson.string(answer.json(), "client_secret");
                if (!secret.isEmpty()) {
                    prompter().say("client secret of " + name + ", shown once (signet oauth2 reset-basic-secret makes a new one):");
                    out().println(secret);
                }
            });
        }
    }

    @Command(name = "create", description = "Create a confidential client (client_secret_basic/post); its secret is shown once.")
    static final class Create extends CreateClient {
        @Override
        String path() {
            return "/_basic";
        }
    }

    @Command(name = "create-public", description = "Create a public client (no secret; PKCE required).")
    static final class CreatePublic extends CreateClient {
        @Override
        String path() {
            return "/_public";
        }
    }

    abstract static class OnClient extends Action {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        /** Replaces one single-valued attribute of the client. */
        Server.Answer set(String attribute, String value) {
            return api().call("PATCH", Kind.OAUTH2.of(name), RestJson.attrs(Map.of(attribute, List.of(value))));
        }
    }

    @Command(name = "add-redirect-url", description = "Allow a redirect URL (matched exactly).")
    static final class AddRedirectUrl extends OnClient {
        @Parameters(index = "1", paramLabel = "URL")
        String url;

        @Override
        void run() {
            done(api().call("POST", Kind.OAUTH2.of(name) + "/_attr/" + REDIRECT, RestJson.list(List.of(url))), name + ": redirect URL " + url + " added");
        }
    }

    @Command(name = "remove-redirect-url", description = "Remove a redirect URL.")
    static final class RemoveRedirectUrl extends OnClient {
        @Parameters(index = "1", paramLabel = "URL")
        String url;

        @Override
        void run() {
            done(api().call("DELETE", Kind.OAUTH2.of(name) + "/_attr/" + REDIRECT, RestJson.list(List.of(url))), name + ": redirect URL " + url + " removed");
        }
    }

    @Command(name = "set-displayname", description = "Set the name people see on the consent page.")
    static final class SetDisplayname extends OnClient {
        @Parameters(index = "1", paramLabel = "DISPLAYNAME")
        String displayname;

        @Override
        void run() {
            done(set("displayname", displayname), name + ": displayname " + displayname);
        }
    }

    @Command(name = "set-landing-url", description = "Set the application's landing URL.")
    static final class SetLandingUrl extends OnClient {
        @Parameters(index = "1", paramLabel = "URL")
        String url;

        @Override
        void run() {
            done(set(LANDING, url), name + ": landing URL " + url);
        }
    }

    abstract static class ScopeMapChange extends OnClient {
        @Parameters(index = "1", paramLabel = "GROUP")
        String group;

        @Parameters(index = "2..*", arity = "1..*", paramLabel = "SCOPE", description = "e.g. openid email profile groups")
        List<String> scopes;
    }

    @Command(name = "update-scope-map", aliases = "create-scope-map", description = "Let the group's members have these scopes.")
    static final class UpdateScopeMap extends ScopeMapChange {
        @Override
        void run() {
            done(api().call("POST", Kind.OAUTH2.of(name) + "/_scopemap/" + seg(group), RestJson.list(scopes)),
                    name + ": " + group + " may have " + String.join(" ", scopes));
        }
    }

    @Command(name = "update-sup-scope-map", aliases = "create-sup-scope-map", description = "Give the group's members these scopes in addition.")
    static final class UpdateSupScopeMap extends ScopeMapChange {
        @Override
        void run() {
            done(api().call("POST", Kind.OAUTH2.of(name) + "/_sup_scopemap/" + seg(group), RestJson.list(scopes)),
                    name + ": " + group + " also has " + String.join(" ", scopes));
        }
    }

    @Command(name = "delete-scope-map", description = "Remove the group's scope map.")
    static final class DeleteScopeMap extends OnClient {
        @Parameters(index = "1", paramLabel = "GROUP")
        String group;

        @Override
        void run() {
            done(api().call("DELETE", Kind.OAUTH2.of(name) + "/_scopemap/" + seg(group), null), name + ": scope map of " + group + " removed");
        }
    }

    @Command(name = "delete-sup-scope-map", description = "Remove the group's supplementary scope map.")
    static final class DeleteSupScopeMap extends OnClient {
        @Parameters(index = "1", paramLabel = "GROUP")
        String group;

        @Override
        void run() {
            done(api().call("DELETE", Kind.OAUTH2.of(name) + "/_sup_scopemap/" + seg(group), null),
                    name + ": supplementary scope map of " + group + " removed");
        }
    }

    @Command(name = "update-claim-map", aliases = "create-claim-map", description = "Give the group's members a custom claim with these values.")
    static final class UpdateClaimMap extends OnClient {
        @Parameters(index = "1", paramLabel = "CLAIM")
        String claim;

        @Parameters(index = "2", paramLabel = "GROUP")
        String group;

        @Parameters(index = "3..*", arity = "1..*", paramLabel = "VALUE")
        List<String> values;

        @Override
        void run() {
            done(api().call("POST", Kind.OAUTH2.of(name) + "/_claimmap/" + seg(claim) + "/" + seg(group), RestJson.list(values)),
                    name + ": claim " + claim + " for " + group + ": " + String.join(" ", values));
        }
    }

    @Command(name = "delete-claim-map", description = "Remove a custom claim from the group's members.")
    static final class DeleteClaimMap extends OnClient {
        @Parameters(index = "1", paramLabel = "CLAIM")
        String claim;

        @Parameters(index = "2", paramLabel = "GROUP")
        String group;

        @Override
        void run() {
            done(api().call("DELETE", Kind.OAUTH2.of(name) + "/_claimmap/" + seg(claim) + "/" + seg(group), null),
                    name + ": claim " + claim + " for " + group + " removed");
        }
    }

    @Command(name = "reset-basic-secret", description = "Make a new client secret (the old one stops working) and show it once.")
    static final class ResetBasicSecret extends OnClient {
        @Override
        void run() {
            Server.Answer answer = api().call("POST", Kind.OAUTH2.of(name) + "/_basic_secret", null);
            show(answer, () -> {
                prompter().say("new client secret of " + name + ", shown once:");
                out().println(RestJson.string(answer.json(), "client_secret"));
            });
        }
    }

    @Command(name = "rotate-keys", aliases = "rotate-cryptographic-keys", description = "Sign with a new key from now on (the old one is published until its tokens expire).")
    static final class RotateKeys extends OnClient {
        @Override
        void run() {
            done(api().call("POST", Kind.OAUTH2.of(name) + "/_rotate_keys", null), name + ": signing keys rotated");
        }
    }

    @Command(name = "set-token-lifetime", description = "How long access and refresh tokens live, in seconds.")
    static final class SetTokenLifetime extends OnClient {
        @Option(names = "--access", paramLabel = "SECONDS", description = "access tokens (default 900, at most 3600)")
        Long access;

        @Option(names = "--refresh", paramLabel = "SECONDS", description = "refresh tokens (default 57600)")
        Long refresh;

        @Override
        void run() {
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("oauth2_access_token_expiry", access == null ? null : List.of(access.toString()));
            attrs.put("oauth2_refresh_token_expiry", refresh == null ? null : List.of(refresh.toString()));
            done(EntryCommands.patch(api(), Kind.OAUTH2.of(name), attrs), name + ": token lifetimes"
                    + (access == null ? "" : " access " + access + " s") + (refresh == null ? "" : " refresh " + refresh + " s"));
        }
    }

    @Command(name = "disable-pkce", aliases = "warning-insecure-client-disable-pkce",
            description = "Let a confidential client skip PKCE (insecure: only for clients that cannot do it).")
    static final class DisablePkce extends OnClient {
        @Override
        void run() {
            prompter().say("WARNING: without PKCE a stolen authorization code can be redeemed by whoever holds the client secret; "
                    + "use this only for a client that cannot send a code challenge");
            done(set("oauth2_allow_insecure_client_disable_pkce", "true"), name + ": PKCE no longer required (insecure)");
        }
    }

    @Command(name = "enable-pkce", description = "Require PKCE again (the default).")
    static final class EnablePkce extends OnClient {
        @Override
        void run() {
            done(set("oauth2_allow_insecure_client_disable_pkce", "false"), name + ": PKCE required");
        }
    }

}
