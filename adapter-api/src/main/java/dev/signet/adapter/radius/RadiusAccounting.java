package dev.signet.adapter.radius;

import java.util.Objects;

/**
 * A decoded RFC 2866 Accounting-Request whose request authenticator the adapter has checked.
 *
 * @param clientName the RADIUS client that sent it
 * @param sourceAddress the UDP source address
 * @param statusType Acct-Status-Type (1 Start, 2 Stop, 3 Interim-Update, 7 Accounting-On, 8 Accounting-Off), 0 if absent
 * @param userName User-Name, empty if absent
 * @param sessionId Acct-Session-Id, empty if absent
 * @param sessionSeconds Acct-Session-Time (on Stop), -1 if absent
 * @param callingStationId Calling-Station-Id, empty if absent
 */
public record RadiusAccounting(String clientName, String sourceAddress, int statusType, String userName, String sessionId,
                               long sessionSeconds, String callingStationId) {
    public static final int START = 1;
    public static final int STOP = 2;

    public RadiusAccounting {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        userName = userName == null ? "" : userName;
        sessionId = sessionId == null ? "" : sessionId;
        callingStationId = callingStationId == null ? "" : callingStationId;
    }
}
