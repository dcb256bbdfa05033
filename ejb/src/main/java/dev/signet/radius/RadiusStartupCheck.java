package dev.signet.radius;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Loads the RADIUS clients once as the server starts, so that an exempted client is warned about in the boot log. */
@PermitAll
@Startup
@Singleton
public class RadiusStartupCheck {
    private static final Logger LOG = Logger.getLogger(RadiusStartupCheck.class.getName());

    @Inject
    RadiusClientDirectory directory;

    @PostConstruct
    void check() {
        try {
            directory.named("");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the RADIUS clients could not be read at start; they will be at the first request", e);
        }
    }
}
