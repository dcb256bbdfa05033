package dev.signet.web.v1;

import dev.signet.model.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** {@code /v1/group}; members via {@code _attr/member}. */
@RequestScoped
@Path("v1/group")
public class GroupResource extends EntryResource {
    @Override
    protected EntryKind kind() {
        return EntryKind.GROUP;
    }
}
