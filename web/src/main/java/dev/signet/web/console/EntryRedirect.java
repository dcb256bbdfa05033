package dev.signet.web.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.signet.entry.EntrySearch;
import dev.signet.entry.EntryView;
import dev.signet.model.EntryKind;
import jakarta.ejb.EJB;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /ui/admin/entry?id=name}: a member of a group may be a person, a group or a service
 * account; this sends the browser to the page of whichever it is.
 */
@WebServlet("/ui/admin/entry")
public class EntryRedirect extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private transient EntrySearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id") == null ? "" : request.getParameter("id");
        String page = "/ui/admin/people";
        for (EntryKind kind : EntryKind.values()) {
            List<EntryView> found = search.search(kind, id, EntrySearch.Sort.NAME, false, 0, 1).rows();
            if (!found.isEmpty() && id.equals(Views.first(found.get(0), "name"))) {
                page = switch (kind) {
                    case PERSON -> "/ui/admin/person";
                    case GROUP -> "/ui/admin/group";
                    case SERVICE_ACCOUNT -> "/ui/admin/service-account";
                } + "?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
                break;
            }
        }
        response.sendRedirect(request.getContextPath() + page);
    }
}
