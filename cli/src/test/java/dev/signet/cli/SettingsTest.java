package dev.signet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.HashMap;

class SettingsTest {
    @TempDir
    Path home;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private void config(String text) throws Exception {
        Files.createDirectories(home.resolve(".config/signet"));
        Files.writeString(home.resolve(".config/signet/config"), text);
    }

    @Test
    void theCommandLineBeatsTheEnvironmentWhichBeatsTheConfigFile() throws Exception {
        config("# Signet\nurl = https://file.example.com\nname = \"filed\"\nca = /etc/signet/ca.pem\n");
        Settings both = new Settings(env("SIGNET_URL", "https://env.example.com/"));
        assertEquals(URI.create("https://option.example.com:8443"), both.url("https://option.example.com:8443"));
        assertEquals(URI.create("https://env.example.com"), both.url(null));
        assertEquals("filed", both.name(null));
        assertEquals(Path.of("/etc/signet/ca.pem"), both.ca(null));
        assertEquals(URI.create("https://file.example.com"), new Settings(env()).url(null));
    }

    @Test
    void kanidmsConfigKeysAreReadToo() throws Exception {
        config("uri = \"https://idm.example.com\"\nca_path = '/etc/kanidm/ca.pem'\n");
        Settings settings = new Settings(env());
        assertEquals(URI.create("https://idm.example.com"), settings.url(null));
        assertEquals(Path.of("/etc/kanidm/ca.pem"), settings.ca(null));
        assertNull(settings.name(null));
    }

    @Test
    void noServerOrAPlainHttpOneIsAUsageError() {
        CliFault none = assertThrows(CliFault.class, () -> new Settings(env()).url(null));
        assertEquals(CliFault.USAGE, none.exitCode());
        assertTrue(none.getMessage().contains("SIGNET_URL"), none.getMessage());
        CliFault http = assertThrows(CliFault.class, () -> new Settings(env()).url("http://idm.example.com"));
        assertEquals(CliFault.USAGE, http.exitCode());
    }

    @Test
    void xdgDirectoriesWinOverHome() {
        assertEquals(Path.of("/x/cache/signet"), Settings.cacheDir(env("XDG_CACHE_HOME", "/x/cache")));
        assertEquals(home.resolve(".cache/signet"), Settings.cacheDir(env()));
        assertEquals(home.resolve(".config/signet/config"), Settings.configFile(env()));
    }
}
