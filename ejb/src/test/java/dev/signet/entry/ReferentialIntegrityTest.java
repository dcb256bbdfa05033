package dev.signet.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import java.util.Set;

/**
 * Referential integrity knows every column that can name an entry: each UUID column of each
 * entity is either cleaned by a purge or said here why it needs not be. A new table that names an
 * entry fails this test until the rule (or this list) says what becomes of it.
 */
class ReferentialIntegrityTest {
    /** Entity.field -> why a purge leaves it. */
    private static final Map<String, String> NOT_AN_ENTRY = Map.ofEntries(
            Map.entry("Entry.syncParent", "names a sync account; the entry's own row goes"),
            Map.entry("Group.members", "the purged group's own member rows go with it; rows naming a purged member are removed by the rule"),
            Map.entry("Entry.memberOf", "the purged entry's own rows go with it; rows naming a purged group are removed by the rule"),
            Map.entry("PosixIdUsed.entry", "rewritten to NOBODY: the number stays used for life"),
            Map.entry("AuditEvent.actorUuid", "the audit trail outlives what it records"),
            Map.entry("AuditEvent.targetUuid", "the audit trail outlives what it records"),
            Map.entry("StagedEntry.entryUuid", "the source's copy in a running sync, dropped when the run ends"),
            Map.entry("StagedEntry.run", "names a sync run"),
            Map.entry("SyncRun.account", "names a sync account"),
            Map.entry("ScopeMap.client", "names an OAuth2 client"),
            Map.entry("ClaimMap.client", "names an OAuth2 client"),
            Map.entry("Consent.client", "names an OAuth2 client"),
            Map.entry("Grant.client", "names an OAuth2 client"),
            Map.entry("ClientKey.client", "names an OAuth2 client"),
            Map.entry("AuthSession.reauthOf", "names a session"),
            Map.entry("ValueClaim.holder", "released by the rule through ValueClaims"),
            Map.entry("SignetDomain.uuid", "the domain's own id"),
            Map.entry("RadiusClient.groups", "a purged group leaves them through radius.PurgedGroupsLeaveClients (ReferencesToEntries)"));

    private static List<Class<?>> entities() throws IOException, URISyntaxException {
        Path classes = Path.of(ReferentialIntegrity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, ReferentialIntegrityTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Entity.class)) {
                        found.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable without the server (none of them is an entity)
                }
            }
        }
        return found;
    }

    private static boolean namesUuids(Field field) {
        if (field.getType() == UUID.class) {
            return !field.isAnnotationPresent(Id.class);
        }
        return field.isAnnotationPresent(ElementCollection.class) && field.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == UUID.class;
    }

    @Test
    void everyColumnThatCanNameAnEntryIsCleanedOnPurgeOrSaidWhyNot() throws Exception {
        List<Class<?>> entities = entities();
        assertTrue(entities.size() > 20, "found the entities: " + entities);
        TreeSet<String> unaccounted = new TreeSet<>();
        TreeSet<String> purged = new TreeSet<>();
        for (Class<?> entity : entities) {
            for (Field field : entity.getDeclaredFields()) {
                if (!namesUuids(field)) {
                    continue;
                }
                String key = entity.getSimpleName() + "." + field.getName();
                String alias = " " + entity.getSimpleName() + " ";
                boolean cleaned = ReferentialIntegrity.PURGED.stream()
                        .anyMatch(s -> s.contains(alias) && s.matches(".*\\b\\w\\." + field.getName() + " = :uuid.*"));
                if (cleaned) {
                    purged.add(key);
                } else if (!NOT_AN_ENTRY.containsKey(key)) {
                    unaccounted.add(key);
                }
            }
        }
        assertEquals(new TreeSet<>(), unaccounted, "UUID columns a purge would leave naming an entry");
        assertTrue(purged.containsAll(List.of("Consent.account", "ApiToken.account", "Passkey.account", "ScopeMap.group", "ClaimMap.group",
                "UserSession.account", "TotpCredential.account", "BackupCode.account", "PasswordHistory.account")), purged.toString());
    }

    @Test
    void theOnlyTablesKeptAreTheAuditTrailAndSyncStaging() {
        assertEquals(Set.of("audit_event", "sync_stage"), ReferentialIntegrity.KEPT_TABLES);
    }
}
