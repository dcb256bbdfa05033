package dev.signet.it;

import static dev.signet.it.SignetApi.list;
import static dev.signet.it.SignetApi.unique;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;

/**
 * An application registered with Signet and the people around it: a member of a nested group the
 * client's scope map names, and an outsider in no mapped group.
 */
record OidcFixture(SignetApi idm, String client, String secret, URI redirect, String group, String member, String outsider) {
    static final String PASSWORD = "a long enough passphrase 42";
    static final String SCOPES = "[\"openid\",\"profile\",\"email\",\"groups\"]";

    /** A confidential client with a scope map for {@code group} (which contains a team that contains the member). */
    static OidcFixture confidential() {
        return create(true);
    }

    static OidcFixture publicClient() {
        return create(false);
    }

    private static OidcFixture create(boolean confidential) {
        SignetApi idm = SignetApi.idmAdmin();
        String group = unique("app_users");
        String team = unique("team");
        String member = unique("alice");
        String outsider = unique("mallory");
        idm.createGroup(group);
        idm.createGroup(team);
        idm.createPersonWithPassword(member, PASSWORD);
        idm.createPersonWithPassword(outsider, PASSWORD);
        idm.post("/v1/person/" + member + "/_attr/mail", list(member + "@example.com")).expect(200);
        idm.post("/v1/group/" + team + "/_attr/member", list(member)).expect(200);
        idm.post("/v1/group/" + group + "/_attr/member", list(team)).expect(200);
        String client = unique("app");
        URI redirect = URI.create("https://" + client + ".example.com/oidc/callback");
        JsonObject body = Json.createObjectBuilder().add("attrs", Json.createObjectBuilder()
                .add("name", Json.createArrayBuilder().add(client))
                .add("displayname", Json.createArrayBuilder().add("App " + client))
                .add("oauth2_rs_origin_landing", Json.createArrayBuilder().add("https://" + client + ".example.com/"))
                .add("oauth2_rs_origin", Json.createArrayBuilder().add(redirect.toString()))).build();
        JsonObject created = idm.post("/v1/oauth2/" + (confidential ? "_basic" : "_public"), body.toString()).expect(201).object();
        idm.post("/v1/oauth2/" + client + "/_scopemap/" + group, SCOPES).expect(200);
        return new OidcFixture(idm, client, confidential ? created.getString("client_secret") : null, redirect, group, member, outsider);
    }

    RelyingParty relyingParty() {
        return RelyingParty.discover(client, secret, redirect);
    }
}
