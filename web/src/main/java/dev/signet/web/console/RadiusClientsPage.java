package dev.signet.web.console;

import dev.signet.radius.RadiusClientAttribute;
import dev.signet.radius.RadiusClients;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /ui/admin/radius-clients}: the network devices that may ask Signet over RADIUS, and a form to add one. */
@Named("radiusClients")
@RequestScoped
public class RadiusClientsPage {
    @EJB
    private RadiusClients clients;

    private List<RadiusClients.ClientView> list;
    private String name;
    private String displayName;
    private String address;

    public List<RadiusClients.ClientView> getClients() {
        if (list == null) {
            list = Pages.attempt(() -> clients.list());
        }
        return list == null ? List.of() : list;
    }

    public void create() {
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        if (displayName != null && !displayName.isBlank()) {
            attrs.put(RadiusClientAttribute.DISPLAYNAME, List.of(displayName.trim()));
        }
        attrs.put(RadiusClientAttribute.ADDRESS, RadiusClientPage.lines(address));
        RadiusClients.ClientView made = Pages.attempt(() -> clients.create(name, attrs));
        if (made != null) {
            String created = made.attrs().get(RadiusClientAttribute.NAME).get(0);
            Pages.done("RADIUS client " + created + " created. Generate its shared secret next.", "/ui/admin/radius-client?id=" + created);
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
