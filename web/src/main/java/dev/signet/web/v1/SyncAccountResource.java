package dev.signet.web.v1;

import dev.signet.fault.EntryNotFound;
import dev.signet.fault.InvalidInput;
import dev.signet.sync.SourceProbe;
import dev.signet.sync.LdapSourceJson;
import dev.signet.sync.SyncAccountView;
import dev.signet.sync.SyncAccounts;
import dev.signet.sync.SyncRun;
import dev.signet.sync.SyncRunView;
import dev.signet.sync.SyncRuns;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /v1/sync_account}: sync accounts (Kanidm's), their token, yield attributes, and the
 * irreversible {@code _finalise} and {@code _terminate}.
 */
@RequestScoped
@Path("v1/sync_account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncAccountResource {
    @EJB
    private SyncAccounts accounts;
    @EJB
    private SyncRuns runs;

    @GET
    public JsonArray list() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        accounts.list().forEach(a -> array.add(json(a)));
        return array.build();
    }

    @POST
    public Response create(JsonObject body) {
        Map<String, List<String>> attrs = EntryJson.attrs(body);
        List<String> names = attrs.getOrDefault("name", List.of());
        List<String> description = attrs.getOrDefault("description", List.of());
        SyncAccountView created = accounts.create(names.size() == 1 ? names.get(0) : null, description.isEmpty() ? null : description.get(0));
        return Response.status(Response.Status.CREATED).entity(json(created)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return json(accounts.get(id));
    }

    @POST
    @Path("{id}/_sync_token")
    public JsonObject issueToken(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("token", accounts.issueToken(id)).build();
    }

    @DELETE
    @Path("{id}/_sync_token")
    public Response destroyToken(@PathParam("id") String id) {
        accounts.destroyToken(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/_yield_attributes")
    public JsonArray yieldAttributes(@PathParam("id") String id) {
        return Json.createArrayBuilder(accounts.get(id).yieldAttributes()).build();
    }

    /** Replaces the set (POST and PUT alike: declaring it again replaces it). */
    @PUT
    @Path("{id}/_yield_attributes")
    public JsonObject replaceYield(@PathParam("id") String id, JsonValue attributes) {
        return json(accounts.yieldAttributes(id, EntryJson.strings("attributes", attributes)));
    }

    @POST
    @Path("{id}/_yield_attributes")
    public JsonObject postYield(@PathParam("id") String id, JsonValue attributes) {
        return replaceYield(id, attributes);
    }

    /** The LDAP source: {@code {"url", "bind_dn", "bind_password", "base_dn", "person_filter"?, "group_filter"?, "ca_pem"?, "exclude"?, "remap"?}}. */
    @PUT
    @Path("{id}/_ldap")
    public JsonObject readFromLdap(@PathParam("id") String id, JsonObject body) {
        if (body == null) {
            throw new InvalidInput("url", "the LDAP source is required");
        }
        return ldap(accounts.readFromLdap(id, LdapSourceJson.parse(body), EntryJson.optionalString(body, "bind_password")));
    }

    @GET
    @Path("{id}/_ldap")
    public JsonObject ldapSource(@PathParam("id") String id) {
        return ldap(accounts.get(id));
    }

    /**
     * Tries the stored LDAP source (connect, TLS, bind) and counts what the filters match:
     * {@code {"ok": true, "people": n, "groups": n, "complete": true}}, or {@code {"ok": false,
     * "stage": "connect|tls|bind|search", "error": "..."}}.
     */
    @POST
    @Path("{id}/_ldap/_test")
    public JsonObject testLdapSource(@PathParam("id") String id) {
        SourceProbe.Result result = accounts.testLdap(id);
        if (result.failure() != null) {
            return Json.createObjectBuilder().add("ok", false).add("stage", result.stage()).add("error", result.failure()).build();
        }
        return Json.createObjectBuilder().add("ok", true).add("people", result.people()).add("groups", result.groups())
                .add("complete", result.complete()).build();
    }

    /** {@code {"schedule": "0 * * * *"}}: cron fields (or six, seconds first), on one node of a cluster. */
    @PUT
    @Path("{id}/_schedule")
    public JsonObject schedule(@PathParam("id") String id, JsonObject body) {
        String cron = EntryJson.optionalString(body, "schedule");
        if (cron == null) {
            throw new InvalidInput("schedule", "body must be {\"schedule\": \"minute hour day month weekday\"}");
        }
        return json(accounts.schedule(id, cron));
    }

    @DELETE
    @Path("{id}/_schedule")
    public Response unschedule(@PathParam("id") String id) {
        accounts.schedule(id, null);
        return Response.noContent().build();
    }

    /** Starts a run now; 202 with its id (follow it in {@code _runs}). */
    @POST
    @Path("{id}/_run")
    public Response run(@PathParam("id") String id) {
        return Response.accepted(Json.createObjectBuilder().add("run", accounts.run(id).toString()).build()).build();
    }

    /** Restarts a run that failed while reading; 202 (follow it in {@code _runs}). */
    @POST
    @Path("{id}/_runs/{run}/_restart")
    public Response restart(@PathParam("id") String id, @PathParam("run") String run) {
        UUID runId;
        try {
            runId = UUID.fromString(run);
        } catch (IllegalArgumentException e) {
            throw new EntryNotFound(run);
        }
        accounts.restart(id, runId);
        return Response.accepted(Json.createObjectBuilder().add("run", run).build()).build();
    }

    @GET
    @Path("{id}/_runs")
    public JsonArray runs(@PathParam("id") String id) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (SyncRunView run : runs.history(id)) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("id", run.id().toString()).add("status", run.status().name())
                    .add("started", run.started().toString()).add("read", run.read()).add("created", run.created())
                    .add("updated", run.updated()).add("deleted", run.deleted())
                    .add("unchanged", run.unchanged()).add("conflicts", run.conflicts());
            run.ended().ifPresent(e -> item.add("ended", e.toString()));
            if (run.status() == SyncRun.Status.RUNNING) {
                item.add("step", run.step());
            }
            item.add("restartable", run.restartable());
            run.report().ifPresent(r -> item.add("report", r));
            list.add(item);
        }
        return list.build();
    }

    private static JsonObject ldap(SyncAccountView account) {
        return account.ldapSource().map(LdapSourceJson::of).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    @POST
    @Path("{id}/_finalise")
    public JsonObject finalise(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("entries", accounts.finalise(id).entries()).build();
    }

    @POST
    @Path("{id}/_terminate")
    public JsonObject terminate(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("entries", accounts.terminate(id).entries()).build();
    }

    private static JsonObject json(SyncAccountView account) {
        return EntryJson.of(account.attrs());
    }
}
