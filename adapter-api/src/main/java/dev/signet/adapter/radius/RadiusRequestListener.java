package dev.signet.adapter.radius;

/**
 * The message-listener interface of the RADIUS resource adapter. The adapter has already checked
 * the packet's authenticator and Message-Authenticator with the client's shared secret and
 * decrypted User-Password; the core decides.
 */
public interface RadiusRequestListener {

    /** RFC 2865 section 4.1: answer an Access-Request with Accept or Reject. */
    RadiusAnswer accessRequest(RadiusAccessRequest request);
}
