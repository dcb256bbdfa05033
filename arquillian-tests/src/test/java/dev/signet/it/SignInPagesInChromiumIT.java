package dev.signet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The OAuth2 sign-in pages as a person's browser shows them (Debian's Chromium, headless): the
 * refusals render as pages, not as markup, and a device is signed in from its confirmation page.
 */
@ExtendWith(ArquillianExtension.class)
class SignInPagesInChromiumIT {
    private static Chromium chromium;
    private static WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
        browser = chromium.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void freshCookies() {
        browser.get(SignetServer.HTTPS + "/status");
        browser.manage().deleteAllCookies();
    }

    /** The page is HTML that the browser parsed: its title, one heading element, and no markup shown as text. */
    /**
     * Clicks a button that sends its form, and waits until the page it leads to has replaced this
     * one: the click may return before then, and what is read meanwhile belongs to the old page.
     */
    private static void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(Chromium.replaced(page));
    }

    private static void assertRenderedPage(String title, String heading) {
        List<WebElement> headings = browser.findElements(By.tagName("h1"));
        String text = browser.findElement(By.tagName("body")).getText();
        assertEquals(1, headings.size(), () -> "no heading element; the browser shows: " + text);
        assertEquals(heading, headings.get(0).getText());
        assertFalse(text.contains("<"), () -> "markup shown as text: " + text);
        assertFalse(browser.getPageSource().contains("&lt;"), "nothing escaped twice");
        assertEquals(title + " - Signet", browser.getTitle());
    }

    @Test
    void anUnknownClientIsRefusedOnAPage() {
        OidcFixture app = OidcFixture.confidential();
        browser.get(SignetServer.HTTPS + "/oauth2/authorize?response_type=code&client_id=nosuchclient&redirect_uri="
                + app.redirect() + "&scope=openid");
        assertRenderedPage("Sign-in request refused", "Sign-in request refused");
        assertTrue(browser.findElement(By.cssSelector("p.error")).getText().startsWith("unknown client_id"));
        assertEquals(SignetServer.HTTPS + "/oauth2/authorize", browser.getCurrentUrl().replaceAll("\\?.*", ""), "not redirected");
    }

    @Test
    void aRedirectUriThatIsNotRegisteredIsRefusedOnAPage() {
        OidcFixture app = OidcFixture.confidential();
        RelyingParty attacker = RelyingParty.discover(app.client(), app.secret(), URI.create("https://evil.example.com/oidc/callback"));
        browser.get(attacker.authorize(new Scope("openid"), new CodeVerifier(), new State(), null).toString());
        assertRenderedPage("Sign-in request refused", "Sign-in request refused");
        assertEquals("redirect_uri is missing or not registered for App " + app.client(),
                browser.findElement(By.cssSelector("p.error")).getText());
        assertTrue(browser.getCurrentUrl().startsWith(SignetServer.HTTPS.toString()), "not redirected");
    }

    @Test
    void aWrongDeviceCodeShowsTheCodeFormAgain() {
        browser.get(SignetServer.HTTPS + "/oauth2/device?user_code=BCDF-GHJK");
        assertRenderedPage("Device sign-in", "Sign in a device");
        assertTrue(browser.findElement(By.cssSelector("[role=alert]")).getText().contains("unknown or has expired"));
        assertTrue(browser.findElement(By.id("user_code")).isDisplayed(), "the form to type the code again");
    }

    @Test
    void aDeviceIsSignedInFromItsConfirmationPage() throws Exception {
        OidcFixture app = OidcFixture.publicClient();
        RelyingParty rp = app.relyingParty();
        DeviceAuthorizationResponse started = DeviceAuthorizationResponse.parse(RelyingParty.send(new DeviceAuthorizationRequest(
                rp.metadata.getDeviceAuthorizationEndpointURI(), rp.clientId, new Scope("openid", "profile")).toHTTPRequest()));
        DeviceAuthorizationSuccessResponse device = started.toSuccessResponse();

        browser.get(device.getVerificationURIComplete().toString());
        browser.findElement(By.id("username")).sendKeys(app.member());
        submit(By.cssSelector("button[type=submit]"));
        browser.findElement(By.id("password")).sendKeys(OidcFixture.PASSWORD);
        submit(By.cssSelector("button[type=submit]"));

        assertRenderedPage("Confirm device", "Sign in App " + app.client() + " on a device?");
        assertEquals(device.getUserCode().getValue(), browser.findElement(By.id("user_code")).getText());
        assertEquals(List.of("openid: that you signed in, and your account's unique id", "profile: your name and username"),
                browser.findElements(By.cssSelector("ul.scopes li")).stream().map(WebElement::getText).toList());
        assertEquals("authorization_pending", rp.token(new DeviceCodeGrant(device.getDeviceCode()), null).toErrorResponse()
                .getErrorObject().getCode(), "nothing is approved before the button");

        submit(By.cssSelector("button[value=allow]"));
        assertTrue(browser.findElement(By.tagName("p")).getText().contains("Your device is signed in"));
        TokenResponse tokens = rp.token(new DeviceCodeGrant(device.getDeviceCode()), null);
        assertTrue(tokens.indicatesSuccess(), () -> "device token: " + tokens.toErrorResponse().getErrorObject());
    }
}
