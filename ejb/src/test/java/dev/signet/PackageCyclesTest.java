package dev.signet;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.signet.entry.WritePath;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The core's feature packages ({@code dev.signet.entry}, {@code dev.signet.auth}, ...) depend on
 * each other without a cycle: a constant or helper lives with what owns it, and where a lower
 * package needs to ask a higher one it defines the interface (SyncOwners, SessionGrants).
 */
class PackageCyclesTest {
    @Test
    void theCorePackagesHaveNoCycle() throws Exception {
        // the ejb module's own classes only (the test class path also holds the adapter API)
        Path classes = Path.of(WritePath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPath(classes);
        assertTrue(core.size() > 150, "imported the core: " + core.size() + " classes");
        slices().matching("dev.signet.(*)..").should().beFreeOfCycles().check(core);
    }
}
