package org.longbox.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;
import org.longbox.testing.TestClock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failed sign-ins (issue 9): a few typos cost nothing, then every failure makes the next try from
 * that address wait longer; ten failures lock signing in with the name for STUMP_LOCKOUT_SECONDS
 * (900 here); the owner is locked out only where the guesses come from. Time moves on a TestClock.
 */
class LockoutTest {
    static final TestClock clock = TestClock.ticking();
    /** Longer than the longest wait between two tries, far shorter than the lockout window. */
    static final Duration PAST_THE_DELAY = Duration.ofSeconds(61);
    static final Duration WINDOW = Duration.ofSeconds(900);

    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().clock(clock).claimedBy("owner", "owner-pw").build();
    static Http http;
    static Account owner;

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = Accounts.owner(server, "owner", "owner-pw");
    }

    @AfterEach
    void forgetEveryFailure() {
        // each test starts with no failure counted anywhere
        clock.advance(WINDOW.plusSeconds(1));
    }

    static Http.Res login(String user, String password) {
        return http.post("/api/v1/auth/login").json(Map.of("username", user, "password", password)).send();
    }

    static long failuresOf(Account user) throws Exception {
        return server.count("SELECT COUNT(*) FROM login_activity WHERE user_id = ? AND authentication_successful = FALSE", user.id());
    }

    static void assertTooMany(Http.Res r, long maxWaitSeconds) {
        assertEquals(429, r.status(), r.toString());
        assertEquals(429, r.json().path("status").asInt(), r.toString());
        assertTrue(r.json().path("message").asText().contains("Too many failed sign-ins"), r.toString());
        long wait = Long.parseLong(r.header("Retry-After"));
        assertTrue(wait >= 1 && wait <= maxWaitSeconds, "Retry-After " + wait + " of at most " + maxWaitSeconds);
    }

    /** Ten wrong passwords from the test client's address, each after the wait the one before asked for. */
    static void tenFailures(String username) {
        for (int i = 1; i <= 10; i++) {
            clock.advance(PAST_THE_DELAY);
            assertEquals(401, login(username, "wrong-" + i).status(), "failure " + i);
        }
    }

    @Test
    void aFewTyposCostNothingThenEachFailureMakesTheNextTryWaitLonger() throws Exception {
        Account user = Accounts.newUser(http, owner, "typist");
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, login(user.username(), "typo-" + i).status(), "failure " + i + " is answered at once");
        }
        assertTooMany(login(user.username(), "typo-4"), 1);
        assertTooMany(login(user.username(), user.password()), 1);
        assertEquals(3, failuresOf(user), "a try refused by the throttle is not checked, not even the right password");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(401, login(user.username(), "typo-4").status());
        assertTooMany(login(user.username(), user.password()), 2);
        clock.advance(Duration.ofSeconds(2));
        assertEquals(200, login(user.username(), user.password()).status());

        for (int i = 1; i <= 3; i++) {
            assertEquals(401, login(user.username(), "again-" + i).status(), "a success starts the count again");
        }
    }

    @Test
    void theLockIsAboutTheNameNotTheSessionsAlreadyOpen() throws Exception {
        Account user = Accounts.newUser(http, owner, "guessed-at");
        tenFailures(user.username());
        assertTooMany(login(user.username(), user.password()), WINDOW.toSeconds());
        assertEquals(200, http.get("/api/v1/auth/me").cookie(user.session()).send().status(),
                "guesses by someone else do not sign the user out");
        assertEquals(0, server.count("SELECT COUNT(*) FROM users WHERE id = ? AND is_locked = TRUE", user.id()),
                "not the owner's lock: it ends by itself");
    }

    @Test
    void parallelGuessesGetNoMoreThanTenPasswordChecks() throws Exception {
        Account user = Accounts.newUser(http, owner, "stormed");
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            for (int wave = 0; wave < 8; wave++) {
                List<Callable<Integer>> guesses = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    String guess = "guess-" + wave + "-" + i;
                    guesses.add(() -> login(user.username(), guess).status());
                }
                for (Future<Integer> f : pool.invokeAll(guesses)) {
                    int status = f.get();
                    assertTrue(status == 401 || status == 429, "401 or 429, never a 500: " + status);
                }
                clock.advance(PAST_THE_DELAY);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, failuresOf(user), "200 guesses, 10 of them checked");
        assertTooMany(login(user.username(), user.password()), WINDOW.toSeconds());
    }

    @Test
    void theOwnerIsLockedOutOnlyWhereTheGuessesComeFrom() throws Exception {
        tenFailures(owner.username());
        assertTooMany(login(owner.username(), owner.password()), WINDOW.toSeconds());
        assertEquals(200, loginFrom("127.0.0.2", owner.username(), owner.password()), "the owner, elsewhere");
        assertEquals(200, http.get("/api/v1/auth/me").cookie(owner.session()).send().status());

        // anyone else is locked out everywhere: the guesses may come from many addresses
        Account user = Accounts.newUser(http, owner, "everywhere");
        tenFailures(user.username());
        assertEquals(429, loginFrom("127.0.0.2", user.username(), user.password()));
    }

    @Test
    void theLockEndsAfterTheWindowOrWhenTheOwnerLiftsIt() {
        Account user = Accounts.newUser(http, owner, "waits");
        tenFailures(user.username());
        clock.advance(WINDOW.minusSeconds(2));
        assertTooMany(login(user.username(), user.password()), 2);
        clock.advance(Duration.ofSeconds(3));
        assertEquals(200, login(user.username(), user.password()).status(), "the window is over");

        Account other = Accounts.newUser(http, owner, "lifted");
        tenFailures(other.username());
        Http.Res unlock = http.put("/api/v1/users/" + other.id() + "/lock").cookie(owner.session()).json(Map.of("lock", false)).send();
        assertEquals(200, unlock.status(), unlock.toString());
        assertFalse(unlock.json().path("is_locked").asBoolean());
        assertEquals(200, login(other.username(), other.password()).status(), "the owner lifted it");
    }

    @Test
    void basicAuthOnOpdsCountsTheSameWay() {
        Account reader = Accounts.newUser(http, owner, "opds-reader");
        for (int i = 1; i <= 3; i++) {
            assertEquals(401, http.get("/opds/v1.2/catalog").basic(reader.username(), "stale-" + i).send().status());
        }
        assertTooMany(http.get("/opds/v1.2/catalog").basic(reader.username(), reader.password()).send(), 1);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, http.get("/opds/v1.2/catalog").basic(reader.username(), reader.password()).send().status());
    }

    @Test
    void wrongCurrentPasswordsCountTheSameWay() {
        Account user = Accounts.newUser(http, owner, "changer");
        for (int i = 1; i <= 3; i++) {
            assertEquals(403, http.put("/api/v1/users/me").cookie(user.session())
                    .json(Map.of("password", "new", "current_password", "guess-" + i)).send().status());
        }
        assertTooMany(http.put("/api/v1/users/me").cookie(user.session())
                .json(Map.of("password", "new", "current_password", user.password())).send(), 1);
        assertTooMany(login(user.username(), user.password()), 1);
    }

    /**
     * POST /api/v1/auth/login from another loopback address: the test client cannot choose the
     * address it sends from, so this writes the request on a socket bound to {@code from}.
     */
    static int loginFrom(String from, String username, String password) throws IOException {
        URI base = http.base();
        byte[] body = new ObjectMapper().writeValueAsBytes(Map.of("username", username, "password", password));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            String head = "POST " + base.getRawPath() + "/api/v1/auth/login HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            String status = line.toString(StandardCharsets.US_ASCII); // HTTP/1.1 200 OK
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
