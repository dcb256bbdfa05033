package dev.signet.web.oauth2;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.MappingMatch;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A Facelets page rendered into bytes for a JAX-RS answer: the sign-in flow keeps its resources
 * (status codes, cookies, redirects) and its pages share the console's templates and escaping.
 * The page is included with a response that only collects what it writes.
 */
final class RenderedPage {
    private RenderedPage() {
    }

    static byte[] render(HttpServletRequest request, HttpServletResponse response, String view) {
        Collecting collecting = new Collecting(response);
        try {
            request.getRequestDispatcher(view).include(new AtView(request, view), collecting);
        } catch (ServletException e) {
            throw new IllegalStateException("the page " + view + " did not render", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return collecting.bytes();
    }

    /** The request as Faces must see it to find the view: as if it had asked for the view's own address. */
    private static final class AtView extends HttpServletRequestWrapper {
        private final String view;

        AtView(HttpServletRequest request, String view) {
            super(request);
            this.view = view;
        }

        @Override
        public String getServletPath() {
            return view;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + view;
        }

        @Override
        public HttpServletMapping getHttpServletMapping() {
            return new HttpServletMapping() {
                @Override
                public String getMatchValue() {
                    return view.substring(1);
                }

                @Override
                public String getPattern() {
                    return view;
                }

                @Override
                public String getServletName() {
                    return "faces";
                }

                @Override
                public MappingMatch getMappingMatch() {
                    return MappingMatch.EXACT;
                }
            };
        }

        @Override
        public Object getAttribute(String name) {
            return name.startsWith("jakarta.servlet.include.") ? null : super.getAttribute(name);
        }
    }

    private static final class Collecting extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        private final ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                // the page is rendered into memory on the request's own thread: there is no asynchronous write to listen to
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };

        Collecting(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return stream;
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public void resetBuffer() {
            writer.flush();
            bytes.reset();
        }

        @Override
        public void reset() {
            resetBuffer();
        }

        // the page's own headers and status are not the answer's: the resource sets those
        @Override
        public void setStatus(int sc) {
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        byte[] bytes() {
            writer.flush();
            return bytes.toByteArray();
        }
    }
}
