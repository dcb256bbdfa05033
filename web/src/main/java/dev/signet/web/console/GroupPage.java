package dev.signet.web.console;

import dev.signet.entry.EntrySearch;
import dev.signet.entry.EntryView;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /ui/admin/group?id=name}: members (add with a picker of people and groups that is a
 * type-ahead with JavaScript and a plain search without), the groups it is in (nesting both
 * ways), account-policy attributes, POSIX and deletion.
 */
@Named("group")
@RequestScoped
public class GroupPage extends EntryPage {
    @EJB
    private EntrySearch search;

    private String member;
    private List<EntryView> found;

    @Override
    EntryKind kind() {
        return EntryKind.GROUP;
    }

    @Override
    String page() {
        return "/ui/admin/group";
    }

    @Override
    String list() {
        return "/ui/admin/groups";
    }

    @Override
    List<String> editable() {
        return List.of("displayname", "description", "auth_password_minimum_length", "auth_password_minimum_classes",
                "auth_password_history", "credential_type_minimum");
    }

    public List<String> getMembers() {
        return values("member");
    }

    /** A member's page: a group's or a person's, told apart by the core's view of it. */
    public String memberLink(String spn) {
        return "/ui/admin/entry?id=" + URLEncoder.encode(Views.nameOf(spn), StandardCharsets.UTF_8);
    }

    public void addMember() {
        addFound(member);
    }

    /** "Add" beside one of the names the picker found. */
    public void addFound(String name) {
        String who = name == null ? "" : name.trim();
        if (Pages.attempt(() -> entries.appendAttribute(kind(), getId(), "member", List.of(who))) != null) {
            Pages.done(who + " added.", here());
        }
    }

    public void removeMember(String spn) {
        if (Pages.attempt(() -> entries.removeAttribute(kind(), getId(), "member", List.of(spn))) != null) {
            Pages.done(Views.nameOf(spn) + " removed.", here());
        }
    }

    /** The picker without JavaScript: names beginning with what was typed, each with its own "Add". */
    public void find() {
        found = Pages.attempt(() -> search.suggest(member, 20));
    }

    public List<EntryView> getFound() {
        return found;
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }
}
