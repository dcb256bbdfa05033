package dev.signet.web.console;

import dev.signet.entry.EntrySearch;
import dev.signet.entry.EntryView;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /ui/admin/picker?q=jo}: the type-ahead of the member picker, names of people and groups as JSON. */
@WebServlet("/ui/admin/picker")
public class PickerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private transient EntrySearch search;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonArrayBuilder names = Json.createArrayBuilder();
        for (EntryView view : search.suggest(request.getParameter("q"), 20)) {
            names.add(Json.createObjectBuilder().add("name", Views.first(view, "name")).add("displayname", Views.first(view, "displayname")));
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(names.build().toString());
    }
}
