package dev.signet.ldap.adapter;

import dev.signet.adapter.ldap.LdapRequestListener;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/** Activation of an MDB that answers LDAP operations. */
@Activation(messageListeners = LdapRequestListener.class)
public class LdapActivationSpec implements ActivationSpec {
    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // no per-endpoint properties yet: every endpoint serves the whole directory
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }
}
