package dev.signet.web.console;

import dev.signet.entry.Entries;
import dev.signet.entry.EntrySearch;
import dev.signet.entry.EntryView;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list page of people, groups or service accounts: search as you type a name's beginning,
 * sort by name or display name, one page at a time through links (so it works without
 * JavaScript), and a form to create one. The query is the core's {@link EntrySearch}.
 */
public abstract class EntryList {
    static final int PAGE_SIZE = 50;

    @EJB
    private EntrySearch search;
    @EJB
    Entries entries;

    private String q;
    private String sort = "name";
    private String dir = "asc";
    private int page = 1;
    private EntrySearch.Page found;

    /** The new entry's name, display name and (for people) mail. */
    private String newName;
    private String newDisplayname;
    private String newMail;

    abstract EntryKind kind();

    /** The page of one entry of this kind, e.g. {@code /ui/admin/person}. */
    abstract String entryPage();

    public EntrySearch.Page getFound() {
        if (found == null) {
            EntrySearch.Sort by = "displayname".equals(sort) ? EntrySearch.Sort.DISPLAYNAME : EntrySearch.Sort.NAME;
            found = search.search(kind(), q, by, "desc".equals(dir), (Math.max(page, 1) - 1) * PAGE_SIZE, PAGE_SIZE);
        }
        return found;
    }

    public List<EntryView> getRows() {
        return getFound().rows();
    }

    public String getSummary() {
        int first = (Math.max(page, 1) - 1) * PAGE_SIZE;
        List<EntryView> rows = getRows();
        return rows.isEmpty() ? "" : "Showing " + (first + 1) + "–" + (first + rows.size()) + (getFound().more() ? "" : " (the last page)");
    }

    public String getPrevious() {
        return page > 1 ? link(q, sort, dir, page - 1) : null;
    }

    public String getNext() {
        return getFound().more() ? link(q, sort, dir, page + 1) : null;
    }

    /** The link that sorts by {@code column}: ascending first, the other way when already sorted so. */
    public String sortLink(String column) {
        return link(q, column, column.equals(sort) && "asc".equals(dir) ? "desc" : "asc", 1);
    }

    public String sortMark(String column) {
        return column.equals(sort) ? ("asc".equals(dir) ? " ▲" : " ▼") : "";
    }

    private String link(String text, String by, String direction, int number) {
        StringBuilder link = new StringBuilder("?");
        if (text != null && !text.isBlank()) {
            link.append("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8)).append('&');
        }
        return link.append("sort=").append(by).append("&dir=").append(direction).append("&page=").append(number).toString();
    }

    public String entryLink(EntryView view) {
        return entryPage() + "?id=" + URLEncoder.encode(Views.first(view, "name"), StandardCharsets.UTF_8);
    }

    public void create() {
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        attrs.put("name", List.of(newName == null ? "" : newName));
        if (newDisplayname != null && !newDisplayname.isBlank()) {
            attrs.put("displayname", List.of(newDisplayname));
        }
        if (newMail != null && !newMail.isBlank()) {
            attrs.put("mail", List.of(newMail));
        }
        EntryView created = Pages.attempt(() -> entries.create(kind(), attrs));
        if (created != null) {
            Pages.done(Views.first(created, "name") + " created.", entryLink(created));
        }
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = "displayname".equals(sort) ? "displayname" : "name";
    }

    public String getDir() {
        return dir;
    }

    public void setDir(String dir) {
        this.dir = "desc".equals(dir) ? "desc" : "asc";
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewDisplayname() {
        return newDisplayname;
    }

    public void setNewDisplayname(String newDisplayname) {
        this.newDisplayname = newDisplayname;
    }

    public String getNewMail() {
        return newMail;
    }

    public void setNewMail(String newMail) {
        this.newMail = newMail;
    }
}
