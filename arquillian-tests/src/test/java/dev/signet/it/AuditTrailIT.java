package dev.signet.it;

import static dev.signet.it.SignetApi.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The audit trail reads oldest first, a page at a time, each full page linking to the next. */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Deployment(testable = false)
    static EnterpriseArchive signet() {
        return TheEar.signet();
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        String start = Instant.now().minusSeconds(1).toString();
        SignetApi idm = SignetApi.idmAdmin();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(unique("audited" + i));
            idm.createPerson(created.get(i));
        }
        SignetApi admin = SignetApi.admin();
        String path = "/v1/audit?type=entry.create&since=" + start + "&limit=2";
        List<String> targets = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        while (path != null) {
            SignetApi.Response page = admin.get(path).expect(200);
            List<JsonObject> events = page.array().getValuesAs(JsonObject.class);
            sizes.add(events.size());
            events.forEach(e -> targets.add(e.getString("target", "")));
            String link = page.header("Link");
            if (events.size() < 2) {
                assertNull(link, "a short page is the last");
                path = null;
            } else {
                assertNotNull(link, "a full page links to the next");
                Matcher next = NEXT.matcher(link);
                assertTrue(next.find(), link);
                URI uri = URI.create(next.group(1));
                path = uri.getRawPath() + "?" + uri.getRawQuery();
            }
        }
        List<String> ours = targets.stream().filter(t -> created.stream().anyMatch(t::startsWith)).toList();
        assertEquals(created.size(), ours.size(), "every event once: " + targets);
        for (int i = 0; i < created.size(); i++) {
            assertTrue(ours.get(i).startsWith(created.get(i)), "oldest first: " + ours);
        }
        assertTrue(sizes.size() >= 3, "paged: " + sizes);

        assertEquals("after", admin.get("/v1/audit?after=abc").expect(400).object().getString("field"));
        assertEquals("after", admin.get("/v1/audit?after=999999999999").expect(400).object().getString("field"));
    }
}
