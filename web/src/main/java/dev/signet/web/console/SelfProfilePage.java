package dev.signet.web.console;

import dev.signet.entry.Entries;
import dev.signet.entry.EntryView;
import dev.signet.schema.AttributeDefinition;
import dev.signet.schema.Schema;
import dev.signet.schema.Writer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /ui/self/profile}: a person's own entry, the attributes the schema lets them write
 * themselves (display name, legal name, login shell) and their SSH keys. The core decides again on
 * every change (a sync account's yield, the read-write window).
 */
@Named("profile")
@RequestScoped
public class SelfProfilePage {
    static final String PAGE = "/ui/self/profile";
    /** The single-valued attributes edited in the form; SSH keys have their own list. */
    private static final List<String> FORM = List.of(Schema.DISPLAYNAME, Schema.LEGALNAME, Schema.LOGINSHELL);

    @EJB
    private Entries entries;

    private EntryView self;
    private final Map<String, String> values = new LinkedHashMap<>();
    private String sshTag;
    private String sshKey;

    @PostConstruct
    void load() {
        self = entries.self();
        for (String attribute : FORM) {
            values.put(attribute, Views.first(self, attribute));
        }
    }

    public EntryView getSelf() {
        return self;
    }

    public String value(String attribute) {
        return Views.first(self, attribute);
    }

    public List<String> all(String attribute) {
        return Views.all(self.attrs(), attribute);
    }

    /** The mail addresses, primary first (administrators keep them). */
    public String getMail() {
        return String.join(", ", all(Schema.MAIL));
    }

    /** Whether the schema lets a person write this attribute of their own entry. */
    public boolean writable(String attribute) {
        return Schema.find(attribute).filter(d -> d.appliesTo(self.kind())).map(AttributeDefinition::writer)
                .filter(w -> w == Writer.SELF_OR_ADMIN).isPresent();
    }

    /** {@code #{profile.values['displayname']}}: the form's fields. */
    public Map<String, String> getValues() {
        return values;
    }

    public void save() {
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (String attribute : FORM) {
            String typed = values.get(attribute) == null ? "" : values.get(attribute).strip();
            if (writable(attribute) && !typed.equals(Views.first(self, attribute))) {
                changed.put(attribute, typed.isEmpty() ? List.of() : List.of(typed));
            }
        }
        if (changed.isEmpty()) {
            Pages.info("Nothing changed.");
            return;
        }
        if (Pages.attempt(() -> entries.modify(self.kind(), name(), changed)) != null) {
            Pages.done("Profile saved.", PAGE);
        }
    }

    public void addSshKey() {
        String value = (sshTag == null ? "" : sshTag.strip()) + ": " + (sshKey == null ? "" : sshKey.strip());
        if (Pages.attempt(() -> entries.appendAttribute(self.kind(), name(), Schema.SSH_PUBLICKEY, List.of(value))) != null) {
            Pages.done("SSH key added.", PAGE);
        }
    }

    public void removeSshKey(String value) {
        if (Pages.attempt(() -> entries.removeAttribute(self.kind(), name(), Schema.SSH_PUBLICKEY, List.of(value))) != null) {
            Pages.done("SSH key removed.", PAGE);
        }
    }

    /** A stored key is "tag: ssh-ed25519 AAAA... comment"; the list shows the tag apart. */
    public String tagOf(String stored) {
        int colon = stored.indexOf(": ");
        return colon < 0 ? "" : stored.substring(0, colon);
    }

    public String keyOf(String stored) {
        int colon = stored.indexOf(": ");
        return colon < 0 ? stored : stored.substring(colon + 2);
    }

    private String name() {
        return self.uuid().toString();
    }

    public String getSshTag() {
        return sshTag;
    }

    public void setSshTag(String sshTag) {
        this.sshTag = sshTag;
    }

    public String getSshKey() {
        return sshKey;
    }

    public void setSshKey(String sshKey) {
        this.sshKey = sshKey;
    }
}
