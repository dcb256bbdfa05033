package dev.signet.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST application sits at the root: {@code /status}, {@code /v1/...}, {@code /oauth2/...}. */
@ApplicationPath("/")
public class SignetApplication extends Application {
}
