package dev.signet.radius;

import dev.signet.audit.AuditType;
import dev.signet.access.Caller;
import dev.signet.adapter.radius.RadiusAccounting;
import dev.signet.audit.Audit;
import dev.signet.entry.EntryLookup;
import dev.signet.model.Account;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * RFC 2866 accounting as Signet keeps it: a session's Start and Stop are audit events
 * ({@code radius.accounting.start} / {@code .stop}: client, user, session id, station, and on Stop
 * the session's length); interim updates and the rest are counted in the metrics only, being many
 * and saying nothing new about who got in.
 */
// access is decided in code: the RADIUS client was authenticated by its shared secret
@PermitAll
@Stateless
public class RadiusAccountingTrail {
    @EJB
    private EntryLookup lookup;
    @EJB
    private Audit audit;
    @Inject
    private RadiusTraffic traffic;

    public void record(RadiusAccounting record) {
        traffic.accounted(record.statusType());
        AuditType type = switch (record.statusType()) {
            case RadiusAccounting.START -> AuditType.RADIUS_ACCOUNTING_START;
            case RadiusAccounting.STOP -> AuditType.RADIUS_ACCOUNTING_STOP;
            default -> null;
        };
        if (type == null) {
            return;
        }
        Account account = record.userName().isBlank() || record.userName().length() > 256 ? null
                : lookup.live(record.userName()).filter(Account.class::isInstance).map(Account.class::cast).orElse(null);
        String detail = "client " + record.clientName() + " from " + record.sourceAddress() + ", session " + cut(record.sessionId())
                + (record.callingStationId().isEmpty() ? "" : ", station " + cut(record.callingStationId()))
                + (record.statusType() == RadiusAccounting.STOP && record.sessionSeconds() >= 0 ? ", " + record.sessionSeconds() + " s" : "");
        audit.successIndependently(type, Caller.ANONYMOUS, account == null ? null : account.uuid(), cut(record.userName()), detail);
    }

    private static String cut(String text) {
        String value = text.length() > 64 ? text.substring(0, 64) : text;
        return value.replaceAll("\\p{Cntrl}", "?");
    }
}
