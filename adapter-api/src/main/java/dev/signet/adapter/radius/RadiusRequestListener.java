package dev.signet.adapter.radius;

import java.util.Map;
import java.util.Optional;

/**
 * The message-listener interface of the RADIUS resource adapter. The adapter owns the socket and
 * the codec; it asks the core which client an address belongs to, checks the packet with that
 * client's secret, decrypts User-Password, and hands the request on; the core decides.
 */
public interface RadiusRequestListener {

    /** The RADIUS client registered for this source address (IP or within a CIDR), if any. */
    Optional<RadiusClientKey> client(String sourceAddress);

    /** RFC 2865 section 4.1: answer an Access-Request with Accept, Reject or Challenge. */
    RadiusAnswer accessRequest(RadiusAccessRequest request);

    /** RFC 2866: record an Accounting-Request (the adapter answers it once this returns). */
    void accounting(RadiusAccounting record);

    /** Counts of what the adapter handled by itself since the last report, for the metrics. */
    void observed(Map<RadiusEvent, Long> counts);
}
