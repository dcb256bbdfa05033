package dev.signet.web.console;

import dev.signet.entry.Entries;
import dev.signet.entry.EntryView;
import dev.signet.entry.Lifecycle;
import dev.signet.fault.SignetFault;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page of one person, group or service account ({@code ?id=name}): its attributes to edit,
 * its groups (direct and inherited), POSIX, and deletion to the recycle bin. Every change is one
 * call of the core and ends in a redirect back here with what was done (post/redirect/get).
 */
public abstract class EntryPage {
    @EJB
    Entries entries;
    @EJB
    Lifecycle lifecycle;

    private String id;
    private EntryView entry;
    private boolean missing;
    private String typed;
    private String posixGid;
    private String posixShell;
    final Map<String, String> edits = new LinkedHashMap<>();

    abstract EntryKind kind();

    /** This page's path, e.g. {@code /ui/admin/person}. */
    abstract String page();

    /** The list this entry is in, e.g. {@code /ui/admin/people}. */
    abstract String list();

    /** The attributes the edit form offers, in order. */
    abstract List<String> editable();

    public EntryView getEntry() {
        if (entry == null && !missing) {
            try {
                entry = entries.get(kind(), getId() == null ? "" : getId());
                for (String attribute : editable()) {
                    edits.put(attribute, String.join("\n", Views.all(entry.attrs(), attribute)));
                }
            } catch (SignetFault e) {
                missing = true;
                Pages.error(e.getMessage());
            }
        }
        return entry;
    }

    public String first(String attribute) {
        return getEntry() == null ? "" : Views.first(entry, attribute);
    }

    public List<String> values(String attribute) {
        return getEntry() == null ? List.of() : Views.all(entry.attrs(), attribute);
    }

    /** Groups this entry is in directly. */
    public List<String> getDirectGroups() {
        return values("directmemberof");
    }

    /** Groups this entry is in through another group only. */
    public List<String> getInheritedGroups() {
        List<String> inherited = new ArrayList<>(values("memberof"));
        inherited.removeAll(getDirectGroups());
        return inherited;
    }

    public String groupLink(String spn) {
        return "/ui/admin/group?id=" + URLEncoder.encode(Views.nameOf(spn), StandardCharsets.UTF_8);
    }

    public String here() {
        return page() + "?id=" + URLEncoder.encode(getId() == null ? "" : getId(), StandardCharsets.UTF_8);
    }

    /** Saves the edit form: each attribute one value per line; an empty field removes it. */
    public void save() {
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        for (String attribute : editable()) {
            String text = edits.get(attribute) == null ? "" : edits.get(attribute);
            attrs.put(attribute, Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        if (Pages.attempt(() -> entries.modify(kind(), getId(), attrs)) != null) {
            Pages.done("Saved.", here());
        }
    }

    public void makePosix() {
        Long gid = null;
        if (posixGid != null && !posixGid.isBlank()) {
            try {
                gid = Long.parseLong(posixGid.trim());
            } catch (NumberFormatException e) {
                Pages.error("The gid number must be a whole number.");
                return;
            }
        }
        Long chosen = gid;
        String shell = posixShell == null || posixShell.isBlank() ? null : posixShell.trim();
        if (Pages.attempt(() -> lifecycle.makePosix(kind(), getId(), chosen, shell)) != null) {
            Pages.done("POSIX enabled.", here());
        }
    }

    /** Deletion needs the name typed: it moves the entry to the recycle bin. */
    public void delete() {
        if (!first("name").equals(typed == null ? "" : typed.trim())) {
            Pages.error("Type the name exactly to confirm.");
            return;
        }
        if (Pages.attempt(() -> lifecycle.delete(kind(), getId()))) {
            Pages.done(first("name") + " is in the recycle bin.", list());
        }
    }

    public boolean isPosix() {
        return !first("gidnumber").isEmpty();
    }

    public Map<String, String> getEdits() {
        getEntry();
        return edits;
    }

    /** From the view parameter, or straight from the request while a post is processed (before the model is updated). */
    public String getId() {
        if (id == null) {
            id = Pages.request().getParameter("id");
        }
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTyped() {
        return typed;
    }

    public void setTyped(String typed) {
        this.typed = typed;
    }

    public String getPosixGid() {
        return posixGid;
    }

    public void setPosixGid(String posixGid) {
        this.posixGid = posixGid;
    }

    public String getPosixShell() {
        return posixShell;
    }

    public void setPosixShell(String posixShell) {
        this.posixShell = posixShell;
    }
}
