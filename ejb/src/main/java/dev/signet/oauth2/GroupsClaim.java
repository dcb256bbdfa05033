package dev.signet.oauth2;

import dev.signet.fault.InvalidInput;
import java.util.Arrays;
import java.util.Locale;

/** How the {@code groups} claim names a group: by name, by spn ({@code name@domain}) or by UUID. */
public enum GroupsClaim {
    NAME("name"), SPN("spn"), UUID("uuid");

    private final String value;

    GroupsClaim(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static GroupsClaim parse(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value == null ? "" : value.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidInput(ClientAttribute.GROUPS_CLAIM, "groups claim format must be name, spn or uuid"));
    }
}
