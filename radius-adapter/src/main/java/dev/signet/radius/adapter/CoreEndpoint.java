package dev.signet.radius.adapter;

import dev.signet.adapter.radius.RadiusRequestListener;
import java.util.function.Function;

/** The core as the listener reaches it: one call on an endpoint, which is released after. */
@FunctionalInterface
interface CoreEndpoint {
    <T> T call(Function<RadiusRequestListener, T> operation) throws Exception;
}
