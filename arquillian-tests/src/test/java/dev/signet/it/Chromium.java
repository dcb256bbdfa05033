package dev.signet.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both binaries are named, so
 * Selenium Manager never looks for (or downloads) a browser or driver; every start has a fresh
 * profile, deleted on close. The server's self-signed certificate is accepted.
 */
final class Chromium implements AutoCloseable {
    /**
     * Whether {@code page} (a page's html element) has been replaced by the next page. Selenium's
     * {@code stalenessOf} expects a stale-element answer, but while a navigation is under way
     * chromedriver sometimes answers "Node with given id does not belong to the document" as an
     * unknown error instead: that, too, means the old page is gone.
     */
    static ExpectedCondition<Boolean> replaced(WebElement page) {
        return driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    private static final String BROWSER = "/usr/bin/chromium";
    private static final String DRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final Path profile;

    Chromium() {
        try {
            profile = Files.createTempDirectory("signet-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        options.setAcceptInsecureCerts(true);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile is no reason to fail a test
            }
        }
    }
}
