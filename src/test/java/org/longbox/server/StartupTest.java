package org.longbox.server;

import org.junit.jupiter.api.Test;
import org.longbox.app.LongboxListener;
import org.longbox.testing.Accounts;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deploying and undeploying the real webapp: bad settings, Stump.toml, clean shutdown. */
class StartupTest {

    @Test
    void aBadSettingStopsTheStartWithOneLineAndNothingHalfStarts() throws Exception {
        List<LogRecord> severe = new ArrayList<>();
        Logger listenerLog = Logger.getLogger(LongboxListener.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue()) severe.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        listenerLog.addHandler(capture);
        LongboxServer server = LongboxServer.builder().contextPath("/bad").setting("SESSION_TTL", "abc").build();
        try {
            assertThrows(Exception.class, () -> server.beforeAll(null));
            assertEquals(1, severe.size(), "one line");
            String line = severe.get(0).getMessage();
            assertTrue(line.contains("Invalid setting SESSION_TTL=abc"), line);
            assertEquals(null, severe.get(0).getThrown(), "no stack trace from us");
            assertFalse(Files.exists(server.configDir().resolve("longbox-db")), "no database was created");
            assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("longbox-session-cleanup-bad")).count(), "no timer started");
        } finally {
            listenerLog.removeHandler(capture);
            server.afterAll(null);
        }
    }

    @Test
    void stumpTomlInTheConfigDirIsRead() throws Exception {
        LongboxServer server = LongboxServer.builder()
                .configFile("Stump.toml", "session_ttl = 77\nenable_swagger = false\n").build();
        try {
            server.beforeAll(null);
            Http http = server.http();
            Accounts.claim(http, "owner", "pw");
            Http.Res login = http.post("/api/v1/auth/login").json(java.util.Map.of("username", "owner", "password", "pw")).send();
            assertTrue(login.setCookie().contains("Max-Age=76") || login.setCookie().contains("Max-Age=77"), login.setCookie());
            assertEquals(404, http.get("/api-doc/openapi.json").send().status());
        } finally {
            server.afterAll(null);
        }
    }

    @Test
    void undeployShutsTheDatabaseDownAndARedeployFindsEverything() throws Exception {
        LongboxServer server = LongboxServer.builder().contextPath("/cycle").build();
        try {
            server.beforeAll(null);
            Accounts.claim(server.http(), "owner", "pw");
            String token = Accounts.login(server.http(), "owner", "pw");
            boolean derby = !LongboxServer.onPostgres();
            if (derby) {
                assertTrue(Files.exists(server.configDir().resolve("longbox-db/db.lck")), "booted database holds its lock file");
            }
            server.stop();
            if (derby) {
                assertFalse(Files.exists(server.configDir().resolve("longbox-db/db.lck")), "Derby shut the database down on undeploy");
            }
            assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("longbox-session-cleanup-cycle") || t.getName().startsWith("longbox housekeeper")).count());
            for (int i = 0; i < 3; i++) {
                server.start();
                assertEquals(200, server.http().get("/api/v1/auth/me").cookie(token).send().status(), "redeploy " + i);
                server.stop();
            }
        } finally {
            server.afterAll(null);
        }
    }
}
