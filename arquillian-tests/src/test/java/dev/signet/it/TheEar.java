package dev.signet.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real signet.ear as built by the ear module, unchanged. */
final class TheEar {
    private TheEar() {
    }

    static EnterpriseArchive signet() {
        File ear = new File(System.getProperty("signet.ear", "target/signet.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
