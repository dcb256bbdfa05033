package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console (/ui) as a person's browser shows it (Debian's Chromium, headless): sign-in through
 * the core, the read-write window, CSRF, the admin menu and the 403 page. Every main page is
 * saved as a screenshot at desktop and phone width under target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleInChromiumIT {
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

    // --- helpers a person's hands would be -------------------------------------------------------

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

    static String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** Signs in on the page the browser shows (the sign-in page) with a password. */
    static void signInHere(String name, String password) {
        browser.findElement(By.name("username")).sendKeys(name);
        submit(By.id("next"));
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("sign-in"));
    }

    static void signIn(String name, String password) {
        open("/ui/signin");
        signInHere(name, password);
        assertNotEquals("/ui/signin", path(), () -> "still on the sign-in page: " + browser.findElement(By.tagName("main")).getText());
    }

    static void signInAsAdmin() {
        signIn("admin", SignetApi.firstBootPassword("admin"));
    }

    /** Reauthenticates from the header's link; the session is read-write on return. */
    static void enableEditing(String password) {
        if (!browser.findElements(By.cssSelector("#window.writable")).isEmpty()) {
            return;
        }
        String before = path();
        submitLink(By.id("enable-editing"));
        assertEquals("/ui/reauth", path());
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.id("confirm"));
        assertEquals(before, path(), "back on the page the person was on");
    }

    static void submitLink(By link) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(link).click();
        waiting().until(Chromium.replaced(page));
    }

    /** The page as a picture at desktop and at phone width, for a person to look at. */
    static void screenshot(String name) {
        try {
            for (Dimension size : new Dimension[] {new Dimension(1280, 900), new Dimension(390, 844)}) {
                browser.manage().window().setSize(size);
                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(name + (size.width < 600 ? "-phone" : "-desktop") + ".png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            browser.manage().window().setSize(new Dimension(1280, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String plainPerson() {
        String name = SignetApi.unique("plain");
        SignetApi.admin().createPersonWithPassword(name, PASSWORD);
        return name;
    }

    // --- the foundation ------------------------------------------------------------------------

    @Test
    void aBrowserAtTheServerRootLandsOnTheConsoleSignIn() {
        open("/");
        assertEquals("/ui/signin", path());
        assertEquals("Sign in - Signet", browser.getTitle());
        assertTrue(browser.findElement(By.name("username")).isDisplayed());
        assertFalse(browser.findElements(By.cssSelector("input[type=submit]")).isEmpty(), "a submit button");
        screenshot("signin");
    }

    @Test
    void anApiClientAtTheServerRootKeepsItsAnswer() {
        Browser api = new Browser();
        HttpResponse<String> json = api.send(HttpRequest.newBuilder(SignetServer.HTTPS.resolve("/"))
                .header("Accept", "application/json").GET());
        assertNotEquals(303, json.statusCode(), "no redirect for a client asking for JSON");
        HttpResponse<String> html = api.send(HttpRequest.newBuilder(SignetServer.HTTPS.resolve("/"))
                .header("Accept", "text/html,application/xhtml+xml").GET());
        assertEquals(303, html.statusCode());
        assertEquals("/ui", html.headers().firstValue("Location").orElseThrow().replaceAll("^https://[^/]+", ""));
    }

    @Test
    void consolePagesAllowOnlyTheirOwnNoncedScriptsAndNoFraming() {
        HttpResponse<String> page = new Browser().get(SignetServer.HTTPS.resolve("/ui/signin"));
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.matches(".*script-src 'nonce-[A-Za-z0-9+/=]{24}'.*"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertTrue(page.body().contains("nonce=\"" + nonce + "\""), "the page's script carries the response's nonce");
        assertFalse(page.body().matches("(?s).*<script(?![^>]*nonce=)[^>]*>.*"), "no script without the nonce");
    }

    @Test
    void anAdminSignsInReadOnlyAndEnablesEditingForAVisibleWindow() {
        open("/ui/admin/dashboard");
        assertEquals("/ui/signin", path(), "sign-in first");
        signInHere("admin", SignetApi.firstBootPassword("admin"));
        assertEquals("/ui/admin/dashboard", path(), "back to the page asked for");
        assertTrue(browser.findElement(By.id("admin-menu")).isDisplayed());
        assertTrue(browser.findElement(By.id("enable-editing")).getText().startsWith("Read-only"));
        Cookie session = browser.manage().getCookieNamed("signet_console");
        assertTrue(session.isSecure() && session.isHttpOnly(), "Secure and HttpOnly");
        assertEquals("Strict", session.getSameSite());
        enableEditing(SignetApi.firstBootPassword("admin"));
        String window = browser.findElement(By.id("window")).getText();
        assertTrue(window.matches("editing enabled, \\d+:\\d\\d left"), window);
        screenshot("dashboard");
    }

    @Test
    void aWrongPasswordIsTheOnePublicDenialAndStartsAgain() {
        String name = plainPerson();
        open("/ui/signin");
        browser.findElement(By.name("username")).sendKeys(name);
        submit(By.id("next"));
        browser.findElement(By.id("password")).sendKeys("not the password");
        submit(By.id("sign-in"));
        assertEquals("/ui/signin", path());
        assertEquals("authentication denied", browser.findElement(By.cssSelector(".messages .error")).getText());
        assertTrue(browser.findElement(By.name("username")).isDisplayed(), "back at the name");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        signIn(plainPerson(), PASSWORD);
        ((JavascriptExecutor) browser).executeScript("document.querySelector('#signout input[name=signet_csrf]').remove()");
        submit(By.id("signout:go"));
        assertEquals("Not allowed", heading());
        assertTrue(browser.findElement(By.id("refusal")).getText().contains("token"));
        open("/ui/home");
        assertEquals("/ui/home", path(), "still signed in: the refused sign-out did nothing");
        submit(By.id("signout:go"));
        assertEquals("/ui/signin", path(), "with its token, the same form works");
    }

    @Test
    void aPlainPersonSeesNoAdminMenuAndA403OnAnAdminPage() {
        signIn(plainPerson(), PASSWORD);
        assertEquals("/ui/home", path());
        assertTrue(browser.findElements(By.id("admin-menu")).isEmpty(), "no admin menu");
        screenshot("home");
        open("/ui/admin/people");
        assertEquals("Not allowed", heading());
        screenshot("forbidden");
        HttpResponse<String> status = new Browser().get(SignetServer.HTTPS.resolve("/ui/forbidden"));
        assertEquals(403, status.statusCode());
    }

    @Test
    void aLostSessionGoesBackThroughSignInToThePageAskedFor() {
        signInAsAdmin();
        browser.manage().deleteCookieNamed("signet_console");
        open("/ui/admin/dashboard?x=1");
        assertEquals("/ui/signin", path());
        signInHere("admin", SignetApi.firstBootPassword("admin"));
        assertEquals("/ui/admin/dashboard", path());
        assertTrue(browser.getCurrentUrl().endsWith("?x=1"), browser.getCurrentUrl());
    }

    // --- the admin pages -------------------------------------------------------------------------

    static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    static void signInAsAdminForEditing() {
        signInAsAdmin();
        enableEditing(SignetApi.firstBootPassword("admin"));
    }

    /** Creates an entry from a list page's form and lands on its page. */
    static void createFromList(String list, String name, String displayName) {
        open(list);
        type("create-form:name:input", name);
        type("create-form:displayname:input", displayName);
        submit(By.id("create-form:create"));
        assertTrue(path().startsWith(list.equals("/ui/admin/people") ? "/ui/admin/person" : "/ui/admin/group"), path());
    }

    static void addMember(String group, String member) {
        open("/ui/admin/group?id=" + group);
        type("members:member", member);
        submit(By.id("members:add"));
        assertEquals(member + " added.", text("notice"));
    }

    @Test
    void anAdminBuildsNestedGroupsAndLocksAndUnlocksAPerson() {
        String person = SignetApi.unique("ada");
        String team = SignetApi.unique("team");
        String staff = SignetApi.unique("staff");
        signInAsAdminForEditing();
        createFromList("/ui/admin/people", person, "Ada Lovelace");
        assertEquals("Ada Lovelace", heading());
        createFromList("/ui/admin/groups", team, "Team");
        createFromList("/ui/admin/groups", staff, "Staff");
        addMember(team, person);
        addMember(staff, team);
        screenshot("group");
        open("/ui/admin/person?id=" + person);
        assertTrue(text("direct-groups").contains(team + "@"), text("direct-groups"));
        assertTrue(text("inherited-groups").contains(staff + "@"), "the group's group is inherited: " + text("inherited-groups"));
        assertFalse(text("direct-groups").contains(staff + "@"));

        type("lock:reason:input", "left the company");
        submit(By.id("lock:lock"));
        assertEquals("Locked.", text("notice"));
        assertEquals("locked: left the company", text("locked-badge"));
        screenshot("person");
        submit(By.id("lock:unlock"));
        assertEquals("Unlocked.", text("notice"));
        assertTrue(browser.findElements(By.id("locked-badge")).isEmpty());
        String history = browser.findElement(By.id("lock-history:rows")).getText();
        assertTrue(history.contains("locked") && history.contains("left the company") && history.contains("unlocked"), history);

        open("/ui/admin/people?q=" + person.substring(0, 6));
        assertTrue(browser.findElements(By.linkText(person)).size() == 1, "the search finds the person");
        screenshot("people");
    }

    @Test
    void anOAuth2ClientsSecretIsShownOnceAndNotOnReload() {
        String client = SignetApi.unique("app");
        signInAsAdminForEditing();
        open("/ui/admin/oauth2-clients");
        type("create-form:name:input", client);
        type("create-form:displayname:input", "The App");
        type("create-form:landing:input", "https://app.example.com/");
        type("create-form:redirects:input", "https://app.example.com/callback");
        submit(By.id("create-form:create"));
        assertEquals("/ui/admin/oauth2-client", path());
        String secret = browser.findElement(By.cssSelector(".secret .secret-value")).getText();
        assertTrue(secret.length() >= 32, secret);
        assertTrue(text("discovery").endsWith("/oauth2/openid/" + client + "/.well-known/openid-configuration"));
        screenshot("oauth2-client");
        browser.navigate().refresh();
        assertEquals("/ui/admin/oauth2-client", path());
        assertTrue(browser.findElements(By.cssSelector(".secret")).isEmpty(), "not shown again");
        assertFalse(browser.getPageSource().contains(secret), "nowhere on the page");
        open("/ui/admin/oauth2-clients");
        assertEquals(1, browser.findElements(By.linkText(client)).size());
        screenshot("oauth2-clients");
    }

    @Test
    void anLdapSyncRunIsFollowedOnAProgressBarToItsEnd() throws Exception {
        try (UpstreamDirectory upstream = UpstreamDirectory.slapd()) {
            String uid1 = SignetApi.unique("ldapa");
            String uid2 = SignetApi.unique("ldapb");
            String dn1 = upstream.person(uid1, "Ldap A");
            String dn2 = upstream.person(uid2, "Ldap B");
            upstream.group(SignetApi.unique("ldapteam"), List.of(dn1, dn2));
            String account = SignetApi.unique("slapd_sync");
            signInAsAdminForEditing();
            open("/ui/admin/sync-accounts");
            type("create-form:name:input", account);
            submit(By.id("create-form:create"));
            assertEquals("/ui/admin/sync-account", path());
            type("source:url:input", upstream.url());
            type("source:bind-dn:input", UpstreamDirectory.BIND_DN);
            type("source:bind-password:input", UpstreamDirectory.BIND_PASSWORD);
            type("source:base-dn:input", UpstreamDirectory.BASE);
            ((JavascriptExecutor) browser).executeScript("document.getElementById('source:ca:input').value = arguments[0]", upstream.caPem);
            submit(By.id("source:save"));
            assertEquals("LDAP source saved.", text("notice"));
            submit(By.id("source:test"));
            assertTrue(text("probe").startsWith("Connected"), text("probe"));
            submit(By.id("run-form:run-now"));
            assertTrue(browser.getCurrentUrl().contains("&run="), browser.getCurrentUrl());
            waiting().until(ExpectedConditions.textToBe(By.id("run-status"), "COMPLETED"));
            assertEquals("3", browser.findElement(By.id("run-progress")).getAttribute("value"), "the bar at its end");
            assertTrue(Integer.parseInt(text("run-read")) >= 3, text("run-read"));
            assertTrue(Integer.parseInt(text("run-created")) >= 3, text("run-created"));
            assertEquals(text("run-created"), text("run-applied"));
            screenshot("sync-account");
            open("/ui/admin/people?q=" + uid1);
            assertEquals(1, browser.findElements(By.linkText(uid1)).size(), "the synced person is listed");
        }
    }

    @Test
    void aDeletedPersonIsPurgedFromTheRecycleBinPage() {
        SignetApi api = SignetApi.admin();
        String name = SignetApi.unique("binned");
        api.createPerson(name);
        assertEquals(2, api.delete("/v1/person/" + name).status() / 100, "deleted to the recycle bin");
        signInAsAdminForEditing();
        open("/ui/admin/recycle-bin");
        WebElement row = browser.findElement(By.xpath("//tr[td[normalize-space()='" + name + "']]"));
        row.findElement(By.tagName("summary")).click();
        submit(By.id(row.findElement(By.cssSelector("input.danger")).getAttribute("id")));
        assertEquals(name + " purged.", text("notice"));
        assertTrue(browser.findElements(By.xpath("//tr[td[normalize-space()='" + name + "']]")).isEmpty(), "gone from the bin");
        assertEquals(404, api.post("/v1/recycle_bin/" + name + "/_revive", "").status(), "nothing left to revive");
    }

    @Test
    void aRadiusClientIsAddedGivenASecretOnceAndGroupsAndDeleted() {
        SignetApi api = SignetApi.idmAdmin();
        String group = SignetApi.unique("wifi");
        api.createGroup(group);
        String name = SignetApi.unique("nas");
        signInAsAdminForEditing();
        open("/ui/admin/radius-clients");
        type("create-form:name:input", name);
        type("create-form:displayname:input", "Wireless Controller");
        type("create-form:address:input", "10.0.1.0/24");
        submit(By.id("create-form:create"));
        assertEquals("/ui/admin/radius-client", path());
        assertEquals("not generated yet", text("secret-set"));
        submit(By.id("secret-form:generate"));
        String secret = browser.findElement(By.cssSelector(".secret-value")).getText();
        assertTrue(secret.length() >= 32, secret);
        screenshot("radius-client");
        open("/ui/admin/radius-client?id=" + name);
        assertTrue(browser.findElements(By.cssSelector(".secret-value")).isEmpty(), "the secret is shown once");
        assertFalse(browser.getPageSource().contains(secret));
        assertEquals("set", text("secret-set"));
        type("edit:groups:input", group);
        submit(By.id("edit:save"));
        assertEquals("Saved.", text("notice"));
        SignetApi.Response read = api.get("/v1/radius_client/" + name).expect(200);
        assertEquals(List.of("10.0.1.0/24"), read.attr("radius_address"));
        assertEquals(1, read.attr("radius_group").size(), read.body());
        assertTrue(read.attr("radius_group").get(0).startsWith(group), read.body());
        open("/ui/admin/radius-clients");
        assertEquals(1, browser.findElements(By.linkText(name)).size(), "listed");
        screenshot("radius-clients");
        open("/ui/admin/radius-client?id=" + name);
        browser.findElement(By.cssSelector("#delete-form summary")).click();
        type("delete-form:delete:typed", name);
        submit(By.id("delete-form:delete:go"));
        assertEquals("/ui/admin/radius-clients", path());
        assertEquals(404, api.get("/v1/radius_client/" + name).status());
    }

    @Test
    void everyAdminPageRendersForTheAdmin() {
        signInAsAdmin();
        for (String page : new String[] {"dashboard", "people", "groups", "service-accounts", "oauth2-clients", "sync-accounts",
                "recycle-bin", "audit", "radius-clients"}) {
            open("/ui/admin/" + page);
            assertEquals("/ui/admin/" + page, path());
            assertTrue(browser.findElements(By.cssSelector(".messages .error")).isEmpty(), () -> page + ": " + text("main"));
            assertFalse(heading().isBlank());
            screenshot(page);
        }
        open("/ui/admin/dashboard");
        assertTrue(Integer.parseInt(text("count-people")) >= 1);
        assertFalse(browser.findElements(By.cssSelector("#auth-chart rect")).isEmpty(), "the chart's bars");
    }
}
