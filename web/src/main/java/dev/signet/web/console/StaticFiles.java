package dev.signet.web.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code /static/*}: the console's style sheet, script and plain error page, from the WAR's
 * {@code static/} folder (JAX-RS holds {@code /*}, so the container's file servlet never sees them).
 * Only the known file types, never a directory listing.
 */
@WebServlet("/static/*")
public class StaticFiles extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript", "html", "text/html",
            "svg", "image/svg+xml", "png", "image/png");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null || name.contains("..") || !name.matches("/[a-z0-9-]+\\.[a-z]+")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (InputStream file = getServletContext().getResourceAsStream("/static" + name)) {
            if (file == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-cache");
            file.transferTo(response.getOutputStream());
        }
    }
}
