package dev.signet.web.console;

import dev.signet.fault.SignetFault;
import dev.signet.sync.SyncOverview;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /ui/admin/sync-account/progress?id=name&run=uuid}: where a run is (step, entries read,
 * applied), as JSON for the sync page's live progress bar, which asks every second until the run ends.
 */
@WebServlet("/ui/admin/sync-account/progress")
public class SyncProgressServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private transient SyncOverview overview;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<SyncOverview.Run> run;
        try {
            run = overview.run(request.getParameter("id"), UUID.fromString(String.valueOf(request.getParameter("run"))));
        } catch (SignetFault | IllegalArgumentException e) {
            run = Optional.empty();
        }
        if (run.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        SyncOverview.Run r = run.get();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder().add("status", r.status()).add("step", r.step() == null ? "" : r.step())
                .add("running", r.running()).add("read", r.read()).add("created", r.created()).add("updated", r.updated())
                .add("deleted", r.deleted()).add("unchanged", r.unchanged()).add("conflicts", r.conflicts())
                .add("report", r.report().orElse("")).build().toString());
    }
}
