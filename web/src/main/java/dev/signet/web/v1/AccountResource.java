package dev.signet.web.v1;

import dev.signet.auth.SoftLocks;
import dev.signet.credential.Passwords;
import dev.signet.entry.SshKeys;
import dev.signet.fault.InvalidInput;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** What people and service accounts add to entries: lock, SSH keys, password. */
public abstract class AccountResource extends EntryResource {
    private static final String SSH = "ssh_publickey";

    @EJB
    Passwords passwords;
    @EJB
    SoftLocks softLocks;
    @EJB
    SshKeys sshKeys;

    @POST
    @Path("{id}/_lock")
    public Response lock(@PathParam("id") String id, JsonObject body) {
        lifecycle.lock(kind(), id, EntryJson.optionalString(body, "reason"));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/_unlock")
    public Response unlock(@PathParam("id") String id) {
        lifecycle.unlock(kind(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/_ssh_pubkeys")
    public JsonArray sshKeys(@PathParam("id") String id) {
        return Json.createArrayBuilder(sshKeys.list(kind(), id)).build();
    }

    /** Body {@code ["tag", "ssh-ed25519 AAAA... comment"]}, as Kanidm's API takes it. */
    @POST
    @Path("{id}/_ssh_pubkeys")
    public JsonObject addSshKey(@PathParam("id") String id, JsonValue body) {
        List<String> pair = EntryJson.strings(SSH, body);
        if (pair.size() != 2) {
            throw new InvalidInput(SSH, "body must be [\"tag\", \"key\"]");
        }
        return EntryJson.of(sshKeys.add(kind(), id, pair.get(0), pair.get(1)));
    }

    @DELETE
    @Path("{id}/_ssh_pubkeys/{tag}")
    public Response removeSshKey(@PathParam("id") String id, @PathParam("tag") String tag) {
        sshKeys.remove(kind(), id, tag);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/_credential/_set_password")
    public Response setPassword(@PathParam("id") String id, JsonObject body) {
        String password = EntryJson.optionalString(body, "password");
        if (password == null) {
            throw new InvalidInput("password", "body must be {\"password\": \"...\"}");
        }
        passwords.set(kind(), id, password.toCharArray());
        return Response.noContent().build();
    }

    /** Body {@code {"hash": "{SSHA}..."}}: a hash exported from another directory, upgraded at first login. */
    @POST
    @Path("{id}/_credential/_import_password")
    public Response importPassword(@PathParam("id") String id, JsonObject body) {
        String hash = EntryJson.optionalString(body, "hash");
        if (hash == null) {
            throw new InvalidInput("hash", "body must be {\"hash\": \"...\"}");
        }
        passwords.importHash(kind(), id, hash);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/_reset_lockout")
    public Response resetLockout(@PathParam("id") String id) {
        softLocks.lift(kind(), id);
        return Response.noContent().build();
    }
}
