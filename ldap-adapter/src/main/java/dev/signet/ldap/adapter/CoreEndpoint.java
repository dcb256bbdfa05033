package dev.signet.ldap.adapter;

import dev.signet.adapter.ldap.LdapRequestListener;
import java.util.function.Function;

/** The core as the listener reaches it: one operation on an endpoint, which is released after. */
@FunctionalInterface
interface CoreEndpoint {
    <T> T call(Function<LdapRequestListener, T> operation) throws Exception;
}
