package dev.signet.web.v1;

import dev.signet.model.EntryKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** {@code /v1/person}. */
@RequestScoped
@Path("v1/person")
public class PersonResource extends AccountResource {
    @Override
    protected EntryKind kind() {
        return EntryKind.PERSON;
    }
}
