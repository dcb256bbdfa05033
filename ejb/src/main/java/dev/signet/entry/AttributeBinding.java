package dev.signet.entry;

import dev.signet.model.CredentialType;
import dev.signet.fault.InvalidInput;
import dev.signet.model.Account;
import dev.signet.model.Entry;
import dev.signet.model.Group;
import dev.signet.model.Person;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each schema attribute lives on the entities: the one place attribute names meet fields.
 * Reads give the stored form of values; writes take values the schema syntax has normalised.
 * References (member, memberof) are handled by the entry service, which resolves names.
 */
final class AttributeBinding {
    private AttributeBinding() {
    }

    /** Stored values of a plain (non-reference) attribute; empty if the entry has none. */
    static List<String> read(Entry e, String attribute) {
        return switch (attribute) {
            case Schema.UUID -> List.of(e.uuid().toString());
            case Schema.NAME -> List.of(e.name());
            case Schema.CLASS -> classes(e);
            case Schema.DISPLAYNAME -> opt(e.displayname());
            case Schema.DESCRIPTION -> opt(e.description());
            case Schema.LEGALNAME -> e instanceof Person p ? opt(p.legalname()) : List.of();
            case Schema.MAIL -> e.mail().stream().sorted().toList();
            case Schema.SSH_PUBLICKEY -> e instanceof Account a
                    ? a.sshPublicKeys().entrySet().stream().map(k -> k.getKey() + ": " + k.getValue()).toList() : List.of();
            case Schema.ACCOUNT_VALID_FROM -> e instanceof Account a ? opt(a.validFrom().map(Instant::toString)) : List.of();
            case Schema.ACCOUNT_EXPIRE -> e instanceof Account a ? opt(a.expiresAt().map(Instant::toString)) : List.of();
            case Schema.LOCKED -> e instanceof Account a ? List.of(Boolean.toString(a.locked())) : List.of();
            case Schema.LOCK_REASON -> e instanceof Account a ? opt(a.lockReason()) : List.of();
            case Schema.GIDNUMBER -> opt(e.gidnumber().map(String::valueOf));
            case Schema.UIDNUMBER -> e instanceof Account ? opt(e.gidnumber().map(String::valueOf)) : List.of();
            case Schema.LOGINSHELL -> e instanceof Account a && e.posix() ? List.of(a.loginshell().orElse(Posix.DEFAULT_SHELL)) : List.of();
            case Schema.HOMEDIRECTORY -> e instanceof Account && e.posix() ? List.of(Posix.homeDirectory(e.name())) : List.of();
            case Schema.CREATED_AT -> List.of(e.created().toString());
            case Schema.MODIFIED_AT -> List.of(e.modified().toString());
            case Schema.SYNC_PARENT -> opt(e.syncParent().map(Object::toString));
            case Schema.PASSWORD_MINIMUM_LENGTH -> e instanceof Group g ? opt(g.accountPolicy().passwordMinimumLength().map(String::valueOf)) : List.of();
            case Schema.PASSWORD_MINIMUM_CLASSES -> e instanceof Group g ? opt(g.accountPolicy().passwordMinimumClasses().map(String::valueOf)) : List.of();
            case Schema.PASSWORD_HISTORY -> e instanceof Group g ? opt(g.accountPolicy().passwordHistory().map(String::valueOf)) : List.of();
            case Schema.CREDENTIAL_TYPE_MINIMUM -> e instanceof Group g ? opt(g.accountPolicy().credentialTypeMinimum()) : List.of();
            case Schema.RADIUS_VLAN -> e instanceof Group g ? opt(g.radiusVlan().map(String::valueOf)) : List.of();
            case Schema.RADIUS_REPLY_ATTRIBUTE -> e instanceof Group g ? List.copyOf(g.radiusReplyAttributes()) : List.of();
            default -> List.of();
        };
    }

    /** Replaces the values of a plain writable attribute. */
    static void write(Entry e, AttributeDefinition def, List<String> values) {
        if (!def.multiValued() && values.size() > 1) {
            throw new InvalidInput(def.name(), def.name() + " takes one value, got " + values.size());
        }
        Optional<String> single = values.stream().findFirst();
        switch (def.name()) {
            case Schema.NAME -> e.rename(single.orElseThrow(() -> new InvalidInput(Schema.NAME, "name is required")));
            case Schema.DISPLAYNAME -> {
                if (single.isEmpty() && e instanceof Person) {
                    throw new InvalidInput(Schema.DISPLAYNAME, "a person needs a displayname");
                }
                e.setDisplayname(single.orElse(null));
            }
            case Schema.DESCRIPTION -> e.setDescription(single.orElse(null));
            case Schema.LEGALNAME -> ((Person) e).setLegalname(single.orElse(null));
            case Schema.MAIL -> {
                // unchanged values leave the collection alone: rewriting it deletes and reinserts its rows
                if (!e.mail().equals(new java.util.HashSet<>(values))) {
                    e.mail().clear();
                    e.mail().addAll(values);
                }
            }
            case Schema.SSH_PUBLICKEY -> {
                Map<String, String> wanted = new java.util.HashMap<>();
                for (String value : values) {
                    SshKeyValue key = SshKeyValue.parse(value);
                    if (wanted.putIfAbsent(key.tag(), key.key()) != null) {
                        throw new InvalidInput(Schema.SSH_PUBLICKEY, "ssh_publickey tag " + key.tag() + " given twice");
                    }
                }
                Map<String, String> keys = ((Account) e).sshPublicKeys();
                if (!keys.equals(wanted)) {
                    keys.clear();
                    keys.putAll(wanted);
                }
            }
            case Schema.ACCOUNT_VALID_FROM -> ((Account) e).setValidFrom(single.map(Instant::parse).orElse(null));
            case Schema.ACCOUNT_EXPIRE -> ((Account) e).setExpiresAt(single.map(Instant::parse).orElse(null));
            case Schema.LOGINSHELL -> ((Account) e).setLoginshell(single.orElse(null));
            case Schema.PASSWORD_MINIMUM_LENGTH ->
                    ((Group) e).accountPolicy().setPasswordMinimumLength(bounded(def, single));
            case Schema.PASSWORD_MINIMUM_CLASSES ->
                    ((Group) e).accountPolicy().setPasswordMinimumClasses(bounded(def, single));
            case Schema.PASSWORD_HISTORY -> ((Group) e).accountPolicy().setPasswordHistory(bounded(def, single));
            case Schema.CREDENTIAL_TYPE_MINIMUM -> ((Group) e).accountPolicy().setCredentialTypeMinimum(single
                    .map(v -> CredentialType.parse(v).orElseThrow(() -> new InvalidInput(def.name(), def.name() + " must be any, mfa or passkey")))
                    .map(CredentialType::attributeValue).orElse(null));
            // IEEE 802.1Q: 0 and 4095 are reserved
            case Schema.RADIUS_VLAN -> ((Group) e).setRadiusVlan(bounded(def, single));
            case Schema.RADIUS_REPLY_ATTRIBUTE -> {
                List<String> stored = ((Group) e).radiusReplyAttributes();
                if (!stored.equals(values)) {
                    stored.clear();
                    stored.addAll(values);
                }
            }
            default -> throw new InvalidInput(def.name(), def.name() + " cannot be written this way");
        }
    }

    /** A whole number within the schema's bounds for the attribute. */
    private static Integer bounded(AttributeDefinition def, Optional<String> value) {
        if (value.isEmpty()) {
            return null;
        }
        long n = Long.parseLong(value.get());
        if (!def.bounds().contains(n)) {
            throw new InvalidInput(def.name(), def.name() + " must be between " + def.bounds().min() + " and " + def.bounds().max());
        }
        return (int) n;
    }

    private static List<String> classes(Entry e) {
        List<String> classes = new ArrayList<>(List.of("object", e.kind().restName()));
        if (e instanceof Account) {
            classes.add("account");
        }
        if (e.posix()) {
            classes.add(e instanceof Group ? "posixgroup" : "posixaccount");
        }
        if (e.syncParent().isPresent()) {
            classes.add("sync_object");
        }
        return classes;
    }

    private static List<String> opt(Optional<String> value) {
        return value.map(List::of).orElse(List.of());
    }
}
