package dev.signet.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.fault.AccessDenied;
import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.model.Person;
import dev.signet.model.ServiceAccount;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The privilege order between admins: a caller administers only what holds no right it lacks. */
class AccessControlTest {
    private static final UUID PERSON = UUID.randomUUID();

    private static Caller caller(BuiltinGroup... groups) {
        return new Caller(UUID.randomUUID(), "caller", memberships(groups), true, false);
    }

    private static Set<UUID> memberships(BuiltinGroup... groups) {
        return Arrays.stream(groups).flatMap(g -> g == BuiltinGroup.IDM_ADMINS
                ? Set.of(g, BuiltinGroup.IDM_PEOPLE_ADMINS, BuiltinGroup.IDM_GROUP_ADMINS, BuiltinGroup.IDM_SERVICE_ACCOUNT_ADMINS,
                        BuiltinGroup.IDM_OAUTH2_ADMINS, BuiltinGroup.IDM_ACCOUNT_READ_PRIV).stream() : Set.of(g).stream())
                .map(BuiltinGroup::uuid).collect(Collectors.toSet());
    }

    private static <E extends Entry> E in(E entry, BuiltinGroup... groups) {
        entry.memberOf().addAll(memberships(groups));
        return entry;
    }

    private static Person person(BuiltinGroup... groups) {
        return in(new Person(UUID.randomUUID(), "p", Instant.now()), groups);
    }

    @Test
    void anAdminOfOneKindDoesNotAdministerAnAdminOfAnother() {
        Caller peopleAdmin = caller(BuiltinGroup.IDM_PEOPLE_ADMINS);
        assertTrue(AccessControl.administers(peopleAdmin, person()));
        assertTrue(AccessControl.administers(peopleAdmin, person(BuiltinGroup.IDM_PEOPLE_ADMINS)), "an equal");
        assertFalse(AccessControl.administers(peopleAdmin, person(BuiltinGroup.IDM_OAUTH2_ADMINS)));
        assertFalse(AccessControl.administers(peopleAdmin, person(BuiltinGroup.IDM_ACCOUNT_READ_PRIV)));
        assertFalse(AccessControl.administers(peopleAdmin, person(BuiltinGroup.IDM_RADIUS_SERVERS)));
        assertFalse(AccessControl.administers(peopleAdmin, person(BuiltinGroup.IDM_ADMINS)));
        assertTrue(AccessControl.administers(caller(BuiltinGroup.IDM_PEOPLE_ADMINS, BuiltinGroup.IDM_OAUTH2_ADMINS),
                person(BuiltinGroup.IDM_OAUTH2_ADMINS)), "holding every right of the target is enough");
    }

    @Test
    void idmAdminsHoldWhatTheyManageAndSystemAdminsEverything() {
        Caller idmAdmin = caller(BuiltinGroup.IDM_ADMINS);
        assertTrue(AccessControl.administers(idmAdmin, person(BuiltinGroup.IDM_OAUTH2_ADMINS)));
        assertTrue(AccessControl.administers(idmAdmin, in(new ServiceAccount(UUID.randomUUID(), "radius", Instant.now()),
                BuiltinGroup.IDM_RADIUS_SERVERS)), "an idm admin may make itself a RADIUS server, so it holds that right");
        assertTrue(AccessControl.administers(idmAdmin, person(BuiltinGroup.IDM_ADMINS)));
        assertFalse(AccessControl.administers(idmAdmin, person(BuiltinGroup.SYSTEM_ADMINS, BuiltinGroup.IDM_ADMINS)));
        assertTrue(AccessControl.administers(Caller.SYSTEM, person(BuiltinGroup.SYSTEM_ADMINS, BuiltinGroup.IDM_ADMINS)));
    }

    @Test
    void aGroupCarriesTheRightsOfTheGroupsItIsNestedInAndABuiltinGroupItsOwn() {
        Caller groupAdmin = caller(BuiltinGroup.IDM_GROUP_ADMINS);
        assertTrue(AccessControl.administers(groupAdmin, new Group(UUID.randomUUID(), "team", Instant.now())));
        assertFalse(AccessControl.administers(groupAdmin, in(new Group(UUID.randomUUID(), "ops", Instant.now()), BuiltinGroup.IDM_OAUTH2_ADMINS)));
        Group peopleAdmins = new Group(BuiltinGroup.IDM_PEOPLE_ADMINS.uuid(), "idm_people_admins", Instant.now());
        assertFalse(AccessControl.administers(caller(BuiltinGroup.IDM_GROUP_ADMINS, BuiltinGroup.IDM_PEOPLE_ADMINS), peopleAdmins),
                "a built-in group is managed by idm admins");
        assertTrue(AccessControl.administers(caller(BuiltinGroup.IDM_ADMINS), peopleAdmins));
        Group idmAdmins = in(new Group(BuiltinGroup.IDM_ADMINS.uuid(), "idm_admins", Instant.now()), BuiltinGroup.IDM_PEOPLE_ADMINS);
        assertFalse(AccessControl.administers(caller(BuiltinGroup.IDM_ADMINS), idmAdmins), "only system admins change idm_admins");
    }

    @Test
    void aResetIntentSessionIsToldItMayOnlyChangeCredentials() {
        Caller reset = new Caller(PERSON, "jsmith", Set.of(), false, true);
        assertEquals("this session may only change credentials",
                assertThrows(AccessDenied.class, () -> AccessControl.requireReadWrite(reset)).getMessage());
        AccessControl.requireOwnCredentialChange(reset);
    }

    @Test
    void aReadOnlySessionIsToldToReauthenticate() {
        Caller readOnly = new Caller(PERSON, "jsmith", Set.of(), false, false);
        assertEquals("this session is read-only: reauthenticate (POST /v1/reauth) to make changes",
                assertThrows(AccessDenied.class, () -> AccessControl.requireReadWrite(readOnly)).getMessage());
        AccessControl.requireReadWrite(new Caller(PERSON, "jsmith", Set.of(), true, false));
    }
}
