package org.longbox.user;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.longbox.testing.Accounts;
import org.longbox.testing.Accounts.Account;
import org.longbox.testing.Http;
import org.longbox.testing.LongboxServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The owner's change to a user holds while that user keeps changing themselves: real requests in
 * parallel, no hooks. A self-update that read the row before the owner wrote must not write back
 * the permissions, age restriction or password hash it read.
 */
class ConcurrentUserUpdateTest {
    /** bcrypt at cost 8 takes a few tens of milliseconds: the window a self-update with a password holds open. */
    @RegisterExtension
    static LongboxServer server = LongboxServer.builder().setting("HASH_COST", "8").claimedBy("owner", "owner-pw").build();
    static Http http;
    static Account owner;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger done = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

    @BeforeAll
    static void connect() {
        http = server.http();
        owner = Accounts.owner(server, "owner", "owner-pw");
    }

    @AfterEach
    void stopLooping() throws Exception {
        stop.set(true);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    }

    /** Runs {@code request} again and again until the test ends, counting finished requests and their statuses. */
    private Future<?> loop(Supplier<Http.Res> request) {
        return pool.submit(() -> {
            while (!stop.get()) {
                Http.Res r = request.get();
                statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                done.incrementAndGet();
            }
        });
    }

    /** Waits until {@code n} more looped requests have finished: any that read the row before now has written. */
    private void awaitRequests(int n) throws InterruptedException {
        int target = done.get() + n;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                fail("the looping user finished no request in 30 s: " + statuses);
            }
            Thread.sleep(2);
        }
    }

    @Test
    void theOwnersPermissionAndAgeChangesSurviveAUserLoopingSelfUpdates() throws Exception {
        Account racer = Accounts.newUser(http, owner, "racer", "file:download");
        AtomicInteger n = new AtomicInteger();
        // What a user's settings page sends when they save their name, avatar and (the same) password.
        Future<?> looping = loop(() -> http.put("/api/v1/users/me").cookie(racer.session())
                .json(Map.of("avatar_url", "https://example.org/" + n.incrementAndGet() + ".png",
                        "password", racer.password(), "current_password", racer.password())).send());
        awaitRequests(1);

        for (int round = 1; round <= 12; round++) {
            List<String> permissions = round % 2 == 0 ? List.of("file:download") : List.of("file:download", "library:scan");
            Http.Res change = http.put("/api/v1/users/" + racer.id()).cookie(owner.session())
                    .json(Map.of("permissions", permissions, "age_restriction", Map.of("age", round, "restrict_on_unset", true)))
                    .send();
            assertEquals(200, change.status(), change.toString());
            awaitRequests(2);
            assertEquals(String.join(",", permissions), server.string("SELECT permissions FROM users WHERE id = ?", racer.id()),
                    "round " + round + ": the owner's permissions were written over");
            assertEquals(round, server.count("SELECT age_restriction FROM users WHERE id = ?", racer.id()),
                    "round " + round + ": the owner's age restriction was written over");
        }
        stop.set(true);
        looping.get(30, TimeUnit.SECONDS);
        assertEquals(done.get(), statuses.getOrDefault(200, new AtomicInteger()).get(), "every self-update went through: " + statuses);
    }

    @Test
    void theOwnersPasswordResetSurvivesAUserLoopingProfileChanges() throws Exception {
        Account racer = Accounts.newUser(http, owner, "racer-reset");
        AtomicInteger n = new AtomicInteger();
        Future<?> looping = loop(() -> http.put("/api/v1/users/me").cookie(racer.session())
                .json(Map.of("avatar_url", "https://example.org/" + n.incrementAndGet() + ".png")).send());
        awaitRequests(1);

        Http.Res reset = http.put("/api/v1/users/" + racer.id()).cookie(owner.session()).json(Map.of("password", "owner-set")).send();
        assertEquals(200, reset.status(), reset.toString());
        awaitRequests(2);
        stop.set(true);
        looping.get(30, TimeUnit.SECONDS);

        assertEquals(401, http.post("/api/v1/auth/login").json(Map.of("username", racer.username(), "password", racer.password()))
                .send().status(), "the old password is gone for good");
        assertEquals(200, http.post("/api/v1/auth/login").json(Map.of("username", racer.username(), "password", "owner-set"))
                .send().status(), "the owner's reset holds");
    }

    @Test
    void theOwnersPasswordResetSurvivesAUserLoopingPasswordChanges() throws Exception {
        // A change proven with the old password, still running when the owner resets it, must not win.
        Account racer = Accounts.newUser(http, owner, "racer-password");
        Future<?> looping = loop(() -> http.put("/api/v1/users/me").cookie(racer.session())
                .json(Map.of("password", racer.password(), "current_password", racer.password())).send());
        awaitRequests(1);

        Http.Res reset = http.put("/api/v1/users/" + racer.id()).cookie(owner.session()).json(Map.of("password", "owner-set")).send();
        assertEquals(200, reset.status(), reset.toString());
        awaitRequests(2);
        stop.set(true);
        looping.get(30, TimeUnit.SECONDS);

        assertEquals(401, http.post("/api/v1/auth/login").json(Map.of("username", racer.username(), "password", racer.password()))
                .send().status(), "the old password is gone for good: " + statuses);
        assertEquals(200, http.post("/api/v1/auth/login").json(Map.of("username", racer.username(), "password", "owner-set"))
                .send().status(), "the owner's reset holds");
        for (int status : statuses.keySet()) {
            assertTrue(status == 200 || status == 401 || status == 409, "200 before the reset, 401 after it (its session "
                    + "ended), 409 for the one it overtook; never a 500: " + statuses);
        }
    }
}
