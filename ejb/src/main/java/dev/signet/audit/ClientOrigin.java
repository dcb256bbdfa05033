package dev.signet.audit;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;

/** The network address the current request came from, set by the protocol layer that received it. */
@RequestScoped
public class ClientOrigin {
    private String address = "unknown";

    public String address() {
        return address;
    }

    /**
     * The current request's address, or "local" when no protocol layer set one (timers, the
     * recovery socket, start-up).
     */
    public static String addressOf(Instance<ClientOrigin> origin) {
        try {
            return origin.isResolvable() ? origin.get().address() : "local";
        } catch (ContextNotActiveException e) {
            return "local";
        }
    }

    public void setAddress(String address) {
        this.address = address == null || address.isBlank() ? "unknown" : address;
    }
}
