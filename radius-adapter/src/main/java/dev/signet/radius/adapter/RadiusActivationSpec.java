package dev.signet.radius.adapter;

import dev.signet.adapter.radius.RadiusRequestListener;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

/** Activation of the MDB that decides RADIUS Access-Requests. */
@Activation(messageListeners = RadiusRequestListener.class)
public class RadiusActivationSpec implements ActivationSpec {
    private ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        // the endpoint needs no properties: clients and secrets come from the core
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
