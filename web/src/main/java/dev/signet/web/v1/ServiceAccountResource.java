package dev.signet.web.v1;

import dev.signet.model.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** {@code /v1/service_account}. */
@RequestScoped
@Path("v1/service_account")
public class ServiceAccountResource extends AccountResource {
    @Override
    protected EntryKind kind() {
        return EntryKind.SERVICE_ACCOUNT;
    }
}
