package dev.signet.ldap.adapter;

/**
 * The LDAP listener ports, checked once at start: LDAPS is mandatory, plain LDAP is optional
 * (0 = off) and must differ from it.
 */
record ListenerPorts(int ldaps, int plain) {
    ListenerPorts {
        if (ldaps < 1 || ldaps > 65535) {
            throw new IllegalArgumentException("ldapsPort must be 1-65535, was " + ldaps);
        }
        if (plain < 0 || plain > 65535) {
            throw new IllegalArgumentException("plainPort must be 0 (off) or 1-65535, was " + plain);
        }
        if (plain == ldaps) {
            throw new IllegalArgumentException("plainPort and ldapsPort must differ, both are " + ldaps);
        }
    }

    boolean plainEnabled() {
        return plain != 0;
    }

    @Override
    public String toString() {
        return "LDAPS port " + ldaps + (plainEnabled() ? ", plain LDAP port " + plain + " (StartTLS before password binds)" : ", plain LDAP off");
    }
}
