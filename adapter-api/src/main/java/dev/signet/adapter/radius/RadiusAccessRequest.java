package dev.signet.adapter.radius;

import java.util.Objects;

/**
 * A decoded RFC 2865 Access-Request.
 *
 * @param clientName the configured name of the RADIUS client (NAS) that sent it
 * @param sourceAddress the UDP source address, for audit and rate limiting
 * @param userName the User-Name attribute
 * @param password the decrypted User-Password; the receiver clears it when done
 * @param callingStationId Calling-Station-Id, empty if absent
 */
public record RadiusAccessRequest(String clientName, String sourceAddress, String userName,
                                  char[] password, String callingStationId) {
    public RadiusAccessRequest {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        Objects.requireNonNull(userName, "userName");
        password = password == null ? new char[0] : password;
        callingStationId = callingStationId == null ? "" : callingStationId;
    }

    @Override
    public String toString() {
        // never print the password
        return "Access-Request(client=" + clientName + ", from=" + sourceAddress + ", user=" + userName + ")";
    }
}
