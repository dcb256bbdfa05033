package dev.signet.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The rules a console page decides alone: where sign-in may return to, what a QR image is. */
class PagesTest {
    @Test
    void signInReturnsOnlyToTheConsolesOwnPages() {
        assertEquals("/ui/admin/people?q=jo", Pages.safeNext("/ui/admin/people?q=jo"));
        for (String elsewhere : new String[] {null, "", "https://evil.example.com/ui/", "//evil.example.com/ui/x", "/ui//evil.example.com",
                "/ui/\\\\evil.example.com", "/v1/self", "/ui/signin?next=/ui/home", "javascript:alert(1)"}) {
            assertEquals("/ui/home", Pages.safeNext(elsewhere), String.valueOf(elsewhere));
        }
    }

    @Test
    void aQrCodeIsAnSvgImageDrawnHere() {
        String uri = QrCode.svgDataUri("https://localhost:8443/ui/reset?token=abc");
        assertTrue(uri.startsWith("data:image/svg+xml;base64,"));
        String svg = new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "), svg);
        assertTrue(svg.contains("h1v1h-1z"), "dark modules drawn");
        assertTrue(!svg.contains("<script"), "nothing but shapes");
    }
}
