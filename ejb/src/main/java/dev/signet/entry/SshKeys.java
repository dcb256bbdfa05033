package dev.signet.entry;

import dev.signet.model.EntryKind;
import dev.signet.schema.Schema;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An account's SSH public keys, each under a tag ({@code laptop: ssh-ed25519 AAAA... comment}):
 * the value encoding is {@link SshKeyValue}'s, and each change is one call in one transaction
 * through the entry service, so its access checks, sync authority and audit apply and two
 * removals cannot interleave a read and a write.
 */
// access checked: the entry service checks it for the entry and attribute
@PermitAll
@Stateless
public class SshKeys {
    @EJB
    private Entries entries;

    /** The keys as stored, {@code tag: key}. */
    public List<String> list(EntryKind kind, String id) {
        return entries.readAttribute(kind, id, Schema.SSH_PUBLICKEY);
    }

    /** Adds a key under a tag (a tag already used is refused by the attribute's own check). */
    public EntryView add(EntryKind kind, String id, String tag, String key) {
        SshKeyValue value = new SshKeyValue(tag, key);
        return entries.appendAttribute(kind, id, Schema.SSH_PUBLICKEY, List.of(value.tag() + ": " + value.key()));
    }

    /** Removes the key with that tag (tags compare as names do: in lower case); no such tag changes nothing. */
    public EntryView remove(EntryKind kind, String id, String tag) {
        String wanted = tag.trim().toLowerCase(Locale.ROOT);
        List<String> keep = new ArrayList<>();
        for (String value : list(kind, id)) {
            if (!SshKeyValue.parse(value).tag().equals(wanted)) {
                keep.add(value);
            }
        }
        return entries.setAttribute(kind, id, Schema.SSH_PUBLICKEY, keep);
    }
}
