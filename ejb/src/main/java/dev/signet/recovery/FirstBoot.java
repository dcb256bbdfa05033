package dev.signet.recovery;

import dev.signet.audit.AuditType;
import jakarta.annotation.security.PermitAll;
import dev.signet.access.BuiltinAccount;
import dev.signet.access.BuiltinGroup;
import dev.signet.domain.DataDirectory;
import dev.signet.access.Caller;
import dev.signet.audit.Audit;
import dev.signet.credential.GeneratedPassword;
import dev.signet.credential.HashCostCalibration;
import dev.signet.credential.PasswordHash;
import dev.signet.entry.EntryWrite;
import dev.signet.entry.WritePath;
import dev.signet.model.Entry;
import dev.signet.model.EntryKind;
import dev.signet.model.Person;
import dev.signet.model.PosixIdCounter;
import dev.signet.schema.Schema;
import dev.signet.schema.ValueClaims;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * On the first boot of a database: the built-in groups, and the accounts {@code admin} (in
 * system_admins) and {@code idm_admin} (in idm_admins) with random passwords, written to
 * {@code data/signet/recovery.txt} (0600); the server log says where, never what. No default
 * password exists.
 */
@PermitAll
@Startup
@Singleton
@DependsOn({"Domain", "TokenKeys", "HashCostCalibration"})
public class FirstBoot {
    private static final Logger LOG = Logger.getLogger(FirstBoot.class.getName());
    private static final UUID ADMIN = BuiltinAccount.ADMIN;
    private static final UUID IDM_ADMIN = BuiltinAccount.IDM_ADMIN;

    @PersistenceContext(unitName = "signet")
    private EntityManager em;

    @EJB
    private WritePath writePath;
    @Inject
    private ValueClaims claims;
    @EJB
    private Audit audit;
    @EJB
    private HashCostCalibration hashCost;

    @PostConstruct
    void createBuiltinsOnce() {
        int claimed = claims.backfill();
        if (claimed > 0) {
            LOG.info(() -> "Claimed " + claimed + " names and mail addresses held before claims were kept");
        }
        if (em.find(Entry.class, BuiltinGroup.SYSTEM_ADMINS.uuid()) != null) {
            return;
        }
        for (BuiltinGroup builtin : BuiltinGroup.values()) {
            writePath.write(EntryWrite.create(EntryKind.GROUP, builtin.uuid(), Map.of(Schema.NAME, List.of(builtin.groupName()),
                    Schema.DESCRIPTION, List.of(builtin.description()))));
        }
        if (em.find(PosixIdCounter.class, PosixIdCounter.ID) == null) {
            em.persist(new PosixIdCounter());
        }
        Map<String, char[]> passwords = new LinkedHashMap<>();
        passwords.put("admin", account(ADMIN, "admin", "Administrator"));
        passwords.put("idm_admin", account(IDM_ADMIN, "idm_admin", "IDM Administrator"));
        Map<BuiltinGroup, List<String>> members = new LinkedHashMap<>();
        for (BuiltinGroup builtin : BuiltinGroup.values()) {
            for (BuiltinGroup parent : builtin.memberOf()) {
                members.computeIfAbsent(parent, p -> new ArrayList<>()).add(builtin.uuid().toString());
            }
        }
        members.computeIfAbsent(BuiltinGroup.SYSTEM_ADMINS, p -> new ArrayList<>()).add(ADMIN.toString());
        members.computeIfAbsent(BuiltinGroup.IDM_ADMINS, p -> new ArrayList<>()).add(IDM_ADMIN.toString());
        members.forEach((group, uuids) -> writePath.write(EntryWrite.modify(em.find(Entry.class, group.uuid()), Map.of(Schema.MEMBER, uuids))));
        Path recovery = writeRecoveryFile(passwords);
        // the log is no place for a secret (it is shipped, rotated, read by others): only where they are
        LOG.warning(() -> "First boot: the passwords of " + String.join(" and ", passwords.keySet()) + " are in " + recovery
                + " (readable by the server's user only; delete it once they are stored)");
        audit.success(AuditType.DOMAIN_FIRST_BOOT, Caller.SYSTEM, null, "created built-in groups, admin and idm_admin");
    }

    private char[] account(UUID uuid, String name, String displayname) {
        EntryWrite write = EntryWrite.create(EntryKind.PERSON, uuid, Map.of(Schema.NAME, List.of(name), Schema.DISPLAYNAME, List.of(displayname)));
        writePath.write(write);
        char[] password = GeneratedPassword.next();
        ((Person) write.entry()).setPasswordHash(PasswordHash.hash(password, hashCost.current()));
        return password;
    }

    private static Path writeRecoveryFile(Map<String, char[]> passwords) {
        Path file = DataDirectory.ensure(DataDirectory.path()).resolve("recovery.txt");
        StringBuilder text = new StringBuilder("# Signet first-boot passwords. Log in, change them, then delete this file.\n");
        passwords.forEach((name, password) -> text.append(name).append(": ").append(password).append('\n'));
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
