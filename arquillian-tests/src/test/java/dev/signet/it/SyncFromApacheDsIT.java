package dev.signet.it;

/** {@link SyncFromLdapIT} against Apache Directory Server embedded in the test JVM, loaded from LDIF. */
class SyncFromApacheDsIT extends SyncFromLdapIT {
    @Override
    UpstreamDirectory directory() throws Exception {
        return UpstreamDirectory.apacheDs();
    }
}
