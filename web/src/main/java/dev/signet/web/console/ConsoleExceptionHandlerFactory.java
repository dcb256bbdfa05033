package dev.signet.web.console;

import dev.signet.fault.AccessDenied;
import dev.signet.fault.NotAuthenticated;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a console page does with an exception nobody caught: a refusal of the core is the 403
 * page, a lost sign-in or an expired form goes back through sign-in to the same page, anything
 * else is logged here and shown as the plain error page. Never a stack trace in the browser.
 */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {
    private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandlerFactory.class.getName());

    public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {
        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            if (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                events.remove();
                while (events.hasNext()) {
                    events.next();
                    events.remove();
                }
                answer(FacesContext.getCurrentInstance(), thrown);
            }
            getWrapped().handle();
        }

        private static void answer(FacesContext faces, Throwable thrown) {
            ExternalContext external = faces.getExternalContext();
            String target;
            if (causedBy(thrown, ViewExpiredException.class) || causedBy(thrown, NotAuthenticated.class)) {
                target = Pages.safeNext(Pages.here().replaceAll("\\?.*", ""));
            } else if (causedBy(thrown, AccessDenied.class)) {
                target = "/ui/forbidden";
            } else {
                LOG.log(Level.WARNING, "a console page failed", thrown);
                target = "/static/error.html";
            }
            try {
                if (!external.isResponseCommitted()) {
                    external.responseReset();
                    external.redirect(external.getRequestContextPath() + target);
                }
            } catch (IOException e) {
                throw new FacesException(e);
            }
            faces.responseComplete();
        }

        private static boolean causedBy(Throwable thrown, Class<? extends Throwable> kind) {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (kind.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
