package dev.signet.adapter.radius;

import java.util.Objects;

/**
 * A decoded RFC 2865 Access-Request whose authenticity the adapter has checked (the client is
 * known by its source address, its Message-Authenticator verified).
 *
 * @param clientName the configured name of the RADIUS client (NAS) that sent it
 * @param sourceAddress the UDP source address, for audit
 * @param userName the User-Name attribute (empty if absent)
 * @param credential what the request proves: PAP, CHAP, EAP or MS-CHAPv2
 * @param callingStationId Calling-Station-Id (the device's MAC, usually), empty if absent
 */
public record RadiusAccessRequest(String clientName, String sourceAddress, String userName, RadiusCredential credential,
                                  String callingStationId) {
    public RadiusAccessRequest {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        userName = userName == null ? "" : userName;
        credential = credential == null ? new RadiusCredential.None() : credential;
        callingStationId = callingStationId == null ? "" : callingStationId;
    }

    /** A PAP request, the common case. */
    public RadiusAccessRequest(String clientName, String sourceAddress, String userName, char[] password, String callingStationId) {
        this(clientName, sourceAddress, userName, new RadiusCredential.Pap(password), callingStationId);
    }

    @Override
    public String toString() {
        // never print the credential's secret parts
        return "Access-Request(client=" + clientName + ", from=" + sourceAddress + ", user=" + userName + ", " + credential + ")";
    }
}
