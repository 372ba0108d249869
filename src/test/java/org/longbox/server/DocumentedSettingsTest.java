package org.longbox.server;

import org.junit.jupiter.api.Test;
import org.longbox.server.config.Setting;
import org.longbox.server.config.Settings;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration table in the README lists every setting the server reads, with its TOML key. */
class DocumentedSettingsTest {
    @Test
    void everySettingIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting<?> s : Settings.ALL) {
            assertTrue(readme.contains("| `" + s.name() + "` |"), s.name() + " missing from the README table");
            if (!s.name().equals("STUMP_CONFIG_DIR")) {
                assertTrue(readme.contains("`" + s.tomlKey() + "`"), s.tomlKey() + " missing from the README table");
            }
        }
    }

    @Test
    void everySettingIsInTheWebappConfigExamples() throws Exception {
        String env = Files.readString(Path.of("webapp-config/longbox.env"));
        String tomcat = Files.readString(Path.of("webapp-config/tomcat/longbox.xml"));
        String jetty = Files.readString(Path.of("webapp-config/jetty/longbox.xml"));
        for (Setting<?> s : Settings.ALL) {
            assertTrue(env.contains(s.name() + "="), s.name() + " missing from webapp-config/longbox.env");
            assertTrue(tomcat.contains("\"" + s.name() + "\""), s.name() + " missing from webapp-config/tomcat/longbox.xml");
            assertTrue(jetty.contains("<Arg>" + s.name() + "</Arg>"), s.name() + " missing from webapp-config/jetty/longbox.xml");
        }
    }
}
