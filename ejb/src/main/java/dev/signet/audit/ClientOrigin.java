package dev.signet.audit;

import jakarta.enterprise.context.RequestScoped;

/** The network address the current request came from, set by the protocol layer that received it. */
@RequestScoped
public class ClientOrigin {
    private String address = "unknown";

    public String address() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address == null || address.isBlank() ? "unknown" : address;
    }
}
