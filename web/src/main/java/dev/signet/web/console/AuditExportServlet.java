package dev.signet.web.console;

import dev.signet.audit.AuditSearch;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code /ui/admin/audit/export?...}: the audit page's filter as NDJSON (one event a line, newest
 * first), read from the core a page at a time so an export never holds the whole trail.
 */
@WebServlet("/ui/admin/audit/export")
public class AuditExportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The most events one export writes. */
    static final int MAX_EVENTS = 100_000;

    @EJB
    private transient AuditSearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditSearch.Filter filter = AuditPage.filter(request.getParameter("type"), request.getParameter("actor"),
                request.getParameter("target"), request.getParameter("from"), request.getParameter("to"));
        List<AuditSearch.Event> page = search.page(filter, null, AuditSearch.MAX_PAGE);
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"signet-audit.ndjson\"");
        PrintWriter out = response.getWriter();
        int written = 0;
        while (!page.isEmpty() && written < MAX_EVENTS) {
            for (AuditSearch.Event e : page) {
                out.println(json(e));
                written++;
            }
            page = page.size() < AuditSearch.MAX_PAGE ? List.of() : search.page(filter, page.get(page.size() - 1).id(), AuditSearch.MAX_PAGE);
        }
    }

    private static String json(AuditSearch.Event e) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", e.id()).add("at", e.at().toString()).add("type", e.type())
                .add("outcome", e.outcome());
        add(b, "actor_uuid", e.actorUuid());
        add(b, "actor", e.actor());
        add(b, "target_uuid", e.targetUuid());
        add(b, "target", e.target());
        add(b, "source", e.source());
        add(b, "detail", e.detail());
        return b.build().toString();
    }

    private static void add(JsonObjectBuilder b, String key, Object value) {
        if (value != null) {
            b.add(key, value.toString());
        }
    }
}
