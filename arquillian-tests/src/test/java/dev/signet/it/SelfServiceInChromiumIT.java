package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The self-service pages (/ui/self/...) as a person's browser shows them (Debian's Chromium,
 * headless): password policy refusals, TOTP enrolment from the key on the page and signing in with
 * a code, backup codes shown once, a passkey made and used by Chromium's virtual authenticator,
 * signing out another session, a credential reset link. Each page is saved as a screenshot at
 * desktop and 420 px width under target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
class SelfServiceInChromiumIT {
    static final String PASSWORD = "correct horse battery staple 42";
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static Chromium chromium;
    private static WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = new Chromium();
        browser = chromium.driver;
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(SignetServer.HTTPS + "/ui/signin");
        browser.manage().deleteAllCookies();
    }

    // --- a person's hands ------------------------------------------------------------------------

    static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Clicks a button that sends its form and waits until the page it leads to has replaced this one. */
    static void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        waiting().until(Chromium.replaced(page));
    }

    static void open(String path) {
        browser.get(SignetServer.HTTPS + path);
    }

    static String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    static String person() {
        String name = SignetApi.unique("self");
        SignetApi.admin().createPersonWithPassword(name, PASSWORD);
        return name;
    }

    /** From the sign-in page: the name, then the password (and a code when the account has TOTP). */
    static void signInHere(String name, String password, String code) {
        browser.findElement(By.name("username")).sendKeys(name);
        submit(By.id("next"));
        if (code != null) {
            browser.findElement(By.id("code")).sendKeys(code);
        }
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("sign-in"));
    }

    static void signIn(String name, String password) {
        open("/ui/signin");
        signInHere(name, password, null);
        assertNotEquals("/ui/signin", path(), () -> "still on the sign-in page: " + text("main"));
    }

    static void signOut() {
        submit(By.id("signout:go"));
        assertEquals("/ui/signin", path());
    }

    /** Opens the read-write window from the header's link, back on the same page. */
    static void enableEditing(String password) {
        String before = path();
        submit(By.id("enable-editing"));
        assertEquals("/ui/reauth", path());
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("confirm"));
        assertEquals(before, path(), "back on the page the person was on");
        assertTrue(browser.findElement(By.id("window")).getText().startsWith("editing enabled"));
    }

    /** The page as a picture at desktop width and at 420 px, for a person to look at. */
    static void screenshot(String name) {
        try {
            for (Dimension size : new Dimension[] {new Dimension(1280, 900), new Dimension(420, 900)}) {
                browser.manage().window().setSize(size);
                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve("self-" + name + (size.width < 600 ? "-phone" : "-desktop") + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            browser.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The six-digit code an authenticator app shows for the key on the page, {@code ahead} seconds from now. */
    static String totp(String key, long ahead) throws Exception {
        return MultiFactorIT.code("otpauth://totp/x?secret=" + key + "&algorithm=SHA1&digits=6", Instant.now().plusSeconds(ahead));
    }

    // --- the pages --------------------------------------------------------------------------------

    @Test
    void aWeakPasswordIsRefusedWithEveryBrokenRuleListedAndAStrongOneIsSet() {
        String name = person();
        signIn(name, PASSWORD);
        open("/ui/self/password");
        enableEditing(PASSWORD);
        type("password:new", "aaaa");
        type("password:again", "aaaa");
        submit(By.id("password:change"));
        List<String> rules = browser.findElements(By.cssSelector("#failures li")).stream().map(WebElement::getText).toList();
        assertTrue(rules.size() >= 2, () -> "every broken rule, each on its own line: " + rules);
        assertTrue(rules.stream().anyMatch(r -> r.contains("12")), () -> "the length rule: " + rules);
        assertTrue(rules.stream().anyMatch(r -> r.contains("different")), () -> "the distinct-characters rule: " + rules);
        screenshot("password-refused");

        type("password:new", "another long passphrase 43");
        type("password:again", "another long passphrase 44");
        submit(By.id("password:change"));
        assertTrue(browser.findElement(By.cssSelector(".messages .error")).getText().contains("not the same"));

        type("password:new", "another long passphrase 43");
        type("password:again", "another long passphrase 43");
        submit(By.id("password:change"));
        assertEquals("Password changed. Use it the next time you sign in.", text("notice"));
        signOut();
        signIn(name, "another long passphrase 43");
        assertEquals("/ui/home", path());
    }

    @Test
    void aPersonEnrolsTotpFromTheKeyOnThePageAndSignsInWithACodeOrABackupCode() throws Exception {
        String name = person();
        signIn(name, PASSWORD);
        screenshot("home");
        open("/ui/self/totp");
        enableEditing(PASSWORD);
        screenshot("totp");
        type("begin:label:input", "phone");
        submit(By.id("begin:start"));
        String key = browser.findElement(By.id("totp-secret")).getAttribute("data-secret");
        assertTrue(key.matches("[A-Z2-7]{32}"), key);
        assertEquals(key.replaceAll("(.{4})(?!$)", "$1 "), text("totp-secret"), "shown in groups of four");
        assertTrue(browser.findElement(By.id("totp-qr")).getAttribute("src").startsWith("data:image/svg+xml"), "a QR code drawn by the server");
        screenshot("totp-enrol");
        type("verify:code", "000000".equals(totp(key, 0)) ? "111111" : "000000");
        submit(By.id("verify:confirm"));
        assertTrue(browser.findElement(By.cssSelector(".messages .error")).getText().contains("does not match"), "a wrong code is refused");
        type("verify:code", totp(key, 0));
        submit(By.id("verify:confirm"));
        assertTrue(text("notice").startsWith("Authenticator app added"), text("notice"));
        assertTrue(text("totps:list:rows").contains("phone"));

        // backup codes, while the window is open: shown once, printable, never cached
        open("/ui/self/backup-codes");
        submit(By.id("generate:make"));
        List<String> codes = browser.findElements(By.cssSelector("#backup-codes li")).stream().map(WebElement::getText).toList();
        assertEquals(8, codes.size(), codes::toString);
        assertTrue(browser.findElement(By.id("print")).isDisplayed());
        screenshot("backup-codes");
        browser.navigate().refresh();
        assertTrue(browser.findElements(By.id("backup-codes")).isEmpty(), "not shown again");
        assertFalse(browser.getPageSource().contains(codes.get(0)), "nowhere on the page");
        assertTrue(text("codes-left").contains("8"), text("codes-left"));
        HttpResponse<String> page = new Browser().get(SignetServer.HTTPS.resolve("/ui/self/backup-codes"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());

        signOut();
        open("/ui/signin");
        signInHere(name, PASSWORD, totp(key, 30)); // the enrolment used this step's code; the next step's is accepted
        assertEquals("/ui/home", path(), () -> text("main"));
        signOut();
        open("/ui/signin");
        signInHere(name, PASSWORD, codes.get(3));
        assertEquals("/ui/home", path(), () -> "a backup code instead of the app's code: " + text("main"));
    }

    @Test
    void aPersonEnrolsAPasskeyWithTheBrowserAndSignsInWithIt() {
        VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
        try {
            String name = person();
            signIn(name, PASSWORD);
            open("/ui/self/passkeys");
            enableEditing(PASSWORD);
            screenshot("passkeys-none");
            type("begin:label:input", "laptop");
            WebElement page = browser.findElement(By.tagName("html"));
            browser.findElement(By.id("begin:start")).click();
            waiting().until(Chromium.replaced(page));
            // the script creates the passkey and posts it: the next page says so
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            assertEquals("Passkey added: you can sign in with it instead of a password.", text("notice"));
            assertTrue(text("passkeys:list:rows").contains("laptop"), text("passkeys:list:rows"));
            assertEquals(1, authenticator.getCredentials().size(), "the authenticator holds it");
            screenshot("passkeys");
            signOut();

            open("/ui/signin");
            browser.findElement(By.name("username")).sendKeys(name);
            submit(By.id("next"));
            submit(By.id("use-passkey"));
            waiting().until(ExpectedConditions.urlMatches(".*/ui/home$"));
            assertEquals("Signed in as " + name, browser.findElement(By.tagName("h1")).getText());

            open("/ui/self/passkeys");
            enableEditing(PASSWORD);
            submit(By.cssSelector("#passkeys input[value=Remove]"));
            assertEquals("Passkey removed.", text("notice"));
            assertTrue(browser.findElements(By.id("passkeys:list:rows")).isEmpty(), "the list is empty");
        } finally {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
        }
    }

    @Test
    void theSessionsPageSignsOutAnotherSession() {
        String name = person();
        SignetApi laptop = SignetApi.login(name, PASSWORD);
        assertEquals(200, laptop.get("/v1/self").status());
        signIn(name, PASSWORD);
        open("/ui/self/sessions");
        assertEquals(2, browser.findElements(By.cssSelector("[id='sessions:list:rows'] tbody tr")).size(), text("sessions:list:rows"));
        assertEquals("this session", browser.findElement(By.cssSelector(".badge.current")).getText());
        screenshot("sessions");
        submit(By.cssSelector("input.sign-out-other")); // from a read-only session: ending a session only reduces access
        assertEquals("That session is signed out.", text("notice"));
        assertEquals(1, browser.findElements(By.cssSelector("[id='sessions:list:rows'] tbody tr")).size());
        assertEquals(401, laptop.get("/v1/self").status(), "the other session's token stopped working");
        open("/ui/home");
        assertEquals("/ui/home", path(), "this session goes on");
    }

    @Test
    void aResetLinkOpensACredentialOnlySessionOnceAndSetsAPassword() {
        SignetApi idm = SignetApi.idmAdmin();
        String name = SignetApi.unique("reset");
        idm.createPerson(name);
        String token = idm.post("/v1/person/" + name + "/_credential/_update_intent", "{}").expect(201).object().getString("token");
        String link = "/ui/reset?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        open(link);
        assertEquals("/ui/reset", path(), "no sign-in needed");
        screenshot("reset");
        submit(By.id("reset:continue"));
        assertEquals("/ui/self/password", path());
        assertTrue(text("notice").startsWith("Reset link accepted"), text("notice"));
        type("password:new", "a brand new passphrase 77");
        type("password:again", "a brand new passphrase 77");
        submit(By.id("password:change"));
        assertEquals("Password changed. Use it the next time you sign in.", text("notice"));
        open("/ui/self/profile");
        type("details:displayname:input", "Not Allowed");
        submit(By.id("details:save"));
        assertTrue(browser.findElement(By.cssSelector(".messages .error")).getText().contains("only change credentials"),
                "the reset session changes nothing but credentials");
        signOut();

        open(link);
        submit(By.id("reset:continue"));
        assertEquals("/ui/reset", path());
        assertTrue(browser.findElement(By.cssSelector(".messages .error")).getText().contains("invalid, used or expired"), "once only");
        signIn(name, "a brand new passphrase 77");
        assertEquals("/ui/home", path());
    }

    @Test
    void aPersonEditsTheirProfileAndSshKeys() {
        String name = person();
        signIn(name, PASSWORD);
        open("/ui/self/profile");
        assertEquals(name, text("fact-name"));
        enableEditing(PASSWORD);
        type("details:displayname:input", "Grace Hopper");
        type("details:loginshell:input", "/bin/zsh");
        submit(By.id("details:save"));
        assertEquals("Profile saved.", text("notice"));
        assertEquals("Grace Hopper", browser.findElement(By.id("details:displayname:input")).getAttribute("value"));
        type("ssh:tag:input", "laptop");
        type("ssh:key:input", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl grace@laptop");
        submit(By.id("ssh:add"));
        assertEquals("SSH key added.", text("notice"));
        assertTrue(text("ssh:keys:rows").contains("laptop") && text("ssh:keys:rows").contains("grace@laptop"), text("ssh:keys:rows"));
        screenshot("profile");
        assertTrue(browser.findElements(By.id("details:mail:input")).isEmpty(), "mail is kept by administrators");
        submit(By.cssSelector("#ssh input[value=Remove]"));
        assertEquals("SSH key removed.", text("notice"));
        assertTrue(browser.findElements(By.id("ssh:keys:rows")).isEmpty());
    }

    @Test
    void myApplicationsListsTheClientsAPersonMayUseWithTheirLandingPages() {
        OidcFixture app = OidcFixture.confidential();
        signIn(app.member(), OidcFixture.PASSWORD);
        open("/ui/self/applications");
        WebElement link = browser.findElement(By.cssSelector("#applications a.open"));
        assertEquals("https://" + app.client() + ".example.com/", link.getAttribute("href"));
        assertEquals("Open App " + app.client(), link.getText());
        screenshot("applications");
        signOut();
        signIn(app.outsider(), OidcFixture.PASSWORD);
        open("/ui/self/applications");
        assertTrue(browser.findElements(By.cssSelector("#applications li")).stream().noneMatch(li -> li.getText().contains(app.client())),
                "someone outside every scope map is offered nothing");
    }
}
