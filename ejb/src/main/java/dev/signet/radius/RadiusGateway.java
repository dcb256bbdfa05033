package dev.signet.radius;

import dev.signet.adapter.radius.RadiusAccessRequest;
import dev.signet.adapter.radius.RadiusAccounting;
import dev.signet.adapter.radius.RadiusAnswer;
import dev.signet.adapter.radius.RadiusClientKey;
import dev.signet.adapter.radius.RadiusEvent;
import dev.signet.adapter.radius.RadiusRequestListener;
import dev.signet.audit.ClientOrigin;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * The message endpoint of the RADIUS resource adapter (bound to it in jboss-ejb3.xml): the
 * adapter asks it who a source address is, hands it each authentic Access-Request and
 * Accounting-Request, and reports what it dropped.
 */
@PermitAll
@MessageDriven(name = "RadiusGateway", messageListenerInterface = RadiusRequestListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RadiusGateway implements RadiusRequestListener {
    @Inject
    private RadiusClientDirectory directory;
    @EJB
    private RadiusAuthenticator authenticator;
    @EJB
    private RadiusAccountingTrail accountingTrail;
    @Inject
    private RadiusTraffic traffic;
    /** Each delivery runs in its own request scope: the device's address is its audit source. */
    @Inject
    private ClientOrigin origin;

    @Override
    public Optional<RadiusClientKey> client(String sourceAddress) {
        return directory.at(sourceAddress).map(RadiusClientDirectory.Client::key);
    }

    @Override
    public RadiusAnswer accessRequest(RadiusAccessRequest request) {
        origin.setAddress(request.sourceAddress());
        return authenticator.decide(request);
    }

    @Override
    public void accounting(RadiusAccounting record) {
        origin.setAddress(record.sourceAddress());
        accountingTrail.record(record);
    }

    @Override
    public void observed(Map<RadiusEvent, Long> counts) {
        traffic.observed(counts);
    }
}
