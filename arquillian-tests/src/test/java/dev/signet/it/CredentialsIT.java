package dev.signet.it;

import static dev.signet.it.SignetApi.attrs;
import static dev.signet.it.SignetApi.quote;
import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Password policy (bad-password list, account policies of groups, history), imported hashes, lockout. */
@ExtendWith(ArquillianExtension.class)
class CredentialsIT {
    private static final String PASSWORD = "a long enough passphrase 42";
    private static final String DENIED = "authentication denied";

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    private static List<String> failures(SignetApi.Response problem) {
        return problem.object().getJsonArray("failures").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static SignetApi.Response setPassword(SignetApi api, String name, String password) {
        return api.post("/v1/person/" + name + "/_credential/_set_password", "{\"password\":" + quote(password) + "}");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("common");
        idm.createPerson(name);
        List<String> failures = failures(setPassword(idm, name, "QazWsxEdcRfv").expect(422));
        assertTrue(failures.contains("is in the list of commonly used passwords"), failures.toString());
        List<String> short1 = failures(setPassword(idm, name, "Password").expect(422));
        assertTrue(short1.size() >= 2 && short1.contains("is in the list of commonly used passwords"), short1.toString());
        assertEquals(List.of("is in the list of commonly used passwords"), failures(setPassword(idm, name, "Password123!").expect(422)));
    }

    @Test
    void theStrictestAccountPolicyOfTheMembersGroupsWins() {
        SignetApi idm = SignetApi.idmAdmin();
        String strict = unique("strict");
        String lax = unique("lax");
        String member = unique("member");
        String outsider = unique("outsider");
        idm.createPerson(member);
        idm.createPerson(outsider);
        idm.post("/v1/group", "{\"attrs\":{\"name\":[\"" + strict + "\"],\"member\":[\"" + member + "\"]}}").expect(201);
        idm.post("/v1/group", "{\"attrs\":{\"name\":[\"" + lax + "\"],\"member\":[\"" + member + "\"]}}").expect(201);
        idm.patch("/v1/group/" + strict, attrs("auth_password_minimum_length", "20")).expect(200);
        idm.patch("/v1/group/" + lax, "{\"attrs\":{\"auth_password_minimum_length\":[\"8\"],\"auth_password_minimum_classes\":[\"3\"]}}")
                .expect(200);
        assertEquals(List.of("20"), idm.get("/v1/group/" + strict).expect(200).attr("auth_password_minimum_length"));

        List<String> failures = failures(setPassword(idm, member, "lower case words").expect(422));
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith("must be at least 20"), failures.toString());
        assertTrue(failures.get(1).startsWith("must mix at least 3"), failures.toString());
        setPassword(idm, member, "Twenty Characters Long 2026").expect(204);
        setPassword(idm, outsider, "lower case words").expect(204);

        assertEquals("auth_password_minimum_length",
                idm.patch("/v1/group/" + strict, attrs("auth_password_minimum_length", "4")).expect(400).object().getString("field"));
        assertEquals(400, idm.patch("/v1/person/" + member, attrs("auth_password_minimum_length", "30")).status(),
                "account policy belongs to groups");
    }

    @Test
    void noAccountPolicyTakesTheBreakGlassAccountsPasswordLoginAway() {
        SignetApi admin = SignetApi.admin();
        String lockout = unique("lockout");
        admin.post("/v1/group", "{\"attrs\":{\"name\":[\"" + lockout + "\"],\"member\":[\"admin\",\"idm_admin\"]}}").expect(201);
        try {
            admin.patch("/v1/group/" + lockout, attrs("credential_type_minimum", "passkey")).expect(200);
            for (String account : List.of("admin", "idm_admin")) {
                assertTrue(SignetApi.authenticate(account, SignetApi.firstBootPassword(account)).containsKey("success"), account);
            }
        } finally {
            // the session opened before keeps working, so the group goes even if the logins were refused
            admin.delete("/v1/group/" + lockout).expect(204);
        }
    }

    @Test
    void eachRuleRefusesWithItsOwnReason() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("rules");
        idm.createPerson(name);
        assertEquals(List.of("must be at least 12 characters"), failures(setPassword(idm, name, "Tr0ub4dor&3").expect(422)));
        assertEquals(List.of("must be at most 128 characters"), failures(setPassword(idm, name, "a1b2c3d4e5-".repeat(12)).expect(422)));
        assertEquals(List.of("must not contain the account name"), failures(setPassword(idm, name, "my name is " + name + " ok").expect(422)));
        assertEquals(List.of("must use at least 5 different characters"), failures(setPassword(idm, name, "abababababababab").expect(422)));
    }

    @Test
    void recentPasswordsCannotBeReused() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("hist");
        idm.createPersonWithPassword(name, "first passphrase of many");
        setPassword(idm, name, "second passphrase of many").expect(204);
        List<String> failures = failures(setPassword(idm, name, "first passphrase of many").expect(422));
        assertEquals(List.of("must not be one of the last 12 passwords of this account"), failures);
        failures = failures(setPassword(idm, name, "second passphrase of many").expect(422));
        assertEquals(1, failures.size());
        setPassword(idm, name, "third passphrase of many").expect(204);
        SignetApi.login(name, "third passphrase of many");
    }

    @Test
    void importedHashesLogInOnceAndAreRehashedToArgon2id() {
        SignetApi idm = SignetApi.idmAdmin();
        Instant start = Instant.now().minusSeconds(1);
        for (String hash : List.of(
                "{SSHA}FlT0F7ekmC5Wfdl41tCoYQlgphNzYWx0c2FsdA==",
                "{SSHA512}C9mT78CgWmHfoNuKK5iDqoDj9TANyYu+llL0iHGktN+X0fwHVq2Tjg/1RF8QvB+k4XjTkNJjjvyM7pZKZqRmlXNhbHRzYWx0",
                "{PBKDF2-SHA256}10000$MDEyMzQ1Njc4OWFiY2RlZg$33GZ4pFUKHlmQdR26y.rUEfoj/EbBwaHWzaVfoCBfm4")) {
            String name = unique("imp");
            idm.createPerson(name);
            idm.post("/v1/person/" + name + "/_credential/_import_password", "{\"hash\":" + quote(hash) + "}").expect(204);
            assertEquals(DENIED, SignetApi.authenticate(name, "imported passphrase 2").getString("denied"));
            SignetApi.login(name, "imported passphrase 1").get("/v1/self").expect(200);
            SignetApi.login(name, "imported passphrase 1"); // now against the Argon2id hash
        }
        String bcrypt = unique("bcr");
        idm.createPerson(bcrypt);
        idm.post("/v1/person/" + bcrypt + "/_credential/_import_password",
                "{\"hash\":\"{CRYPT}$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW\"}").expect(204);
        SignetApi.login(bcrypt, "U*U");

        String events = SignetApi.admin().get("/v1/audit?type=credential.password.rehash&since=" + start).expect(200).body();
        assertTrue(events.contains("imported SSHA to Argon2id") && events.contains("imported PBKDF2_SHA256 to Argon2id")
                && events.contains("imported BCRYPT to Argon2id"), events);

        String name = unique("badimp");
        idm.createPerson(name);
        assertEquals("hash", idm.post("/v1/person/" + name + "/_credential/_import_password", "{\"hash\":\"{MD5}X03MO1qnZdYdgyfeuILPmQ==\"}")
                .expect(400).object().getString("field"));
        SignetApi user = SignetApi.login(bcrypt, "U*U");
        assertEquals(403, user.post("/v1/person/" + bcrypt + "/_credential/_import_password",
                "{\"hash\":\"{SSHA}FlT0F7ekmC5Wfdl41tCoYQlgphNzYWx0c2FsdA==\"}").status(), "only admins import hashes");
    }

    /** The answer to the password step of a fresh authentication (its own session each time). */
    private static SignetApi.Response passwordStep(String name, String password) {
        SignetApi.Response init = SignetApi.anonymous().send("POST", "/v1/auth", SignetApi.json("{\"step\":{\"init\":" + quote(name) + "}}"), null);
        String session = init.header(SignetApi.SESSION_HEADER);
        SignetApi.anonymous().send("POST", "/v1/auth", SignetApi.json("{\"step\":{\"begin\":\"password\"}}"), session).expect(200);
        return SignetApi.anonymous().send("POST", "/v1/auth", SignetApi.json("{\"step\":{\"cred\":{\"password\":" + quote(password) + "}}}"), session);
    }

    @Test
    void repeatedFailuresSoftLockTheAccountWith429UntilAnAdminResetsIt() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = unique("lockout");
        idm.createPersonWithPassword(name, PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertEquals(DENIED, passwordStep(name, "wrong guess number " + i).expect(200).object().getJsonObject("state").getString("denied"));
        }
        SignetApi.Response sixth = passwordStep(name, "wrong guess number 6").expect(429);
        assertTrue(sixth.object().getString("detail").contains("locked"), sixth.body());
        SignetApi.Response right = passwordStep(name, PASSWORD).expect(429);
        assertTrue(right.object().getString("detail").contains("locked"), "the right password is refused while soft-locked");
        assertTrue(Long.parseLong(right.header("Retry-After")) > 3000, "about an hour: " + right.header("Retry-After"));

        assertEquals(403, SignetApi.login(nameWithPassword(idm), PASSWORD).post("/v1/person/" + name + "/_reset_lockout", null).status());
        idm.post("/v1/person/" + name + "/_reset_lockout", null).expect(204);
        SignetApi.login(name, PASSWORD).get("/v1/self").expect(200);

        String events = SignetApi.admin().get("/v1/audit?type=auth.lockout").expect(200).body();
        assertTrue(events.contains(name), events);
    }

    @Test
    void unknownNamesAreLockedOutAlikeSoLockoutRevealsNothing() {
        SignetApi idm = SignetApi.idmAdmin();
        String ghost = SignetApi.unknownOfferedPassword("ghost");
        String real = unique("real");
        idm.createPersonWithPassword(real, PASSWORD);
        for (int i = 0; i < 7; i++) {
            SignetApi.Response realStep = passwordStep(real, "wrong guess number " + i);
            SignetApi.Response ghostStep = passwordStep(ghost, "wrong guess number " + i);
            assertEquals(realStep.status(), ghostStep.status(), "attempt " + i);
            if (realStep.status() == 200) {
                assertEquals(realStep.object().getJsonObject("state"), ghostStep.object().getJsonObject("state"));
            } else {
                assertEquals(realStep.object().getString("detail"), ghostStep.object().getString("detail"));
            }
        }
        assertEquals(429, passwordStep(real, PASSWORD).status());
    }

    private static String nameWithPassword(SignetApi idm) {
        String name = unique("plain");
        idm.createPersonWithPassword(name, PASSWORD);
        return name;
    }
}
