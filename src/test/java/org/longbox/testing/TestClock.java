package org.longbox.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand: it starts at the real current instant and stands still until
 * {@link #advance} or {@link #set}. Safe to read from the server's threads while a test moves it.
 * Give it to {@link LongboxServer.Builder#clock} to run the whole deployment on it.
 *
 * <p>{@link #ticking()} makes one that also moves a millisecond on every read, for tests whose
 * requests must happen one after another in time as they do on a real clock (a book finished, then
 * started again) while the test still jumps ahead by hand where it needs to.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;
    private final Duration tick;

    public TestClock() {
        this(new AtomicReference<>(Instant.now()), ZoneOffset.UTC, Duration.ZERO);
    }

    /** A clock that moves by hand and also a millisecond each time it is read. */
    public static TestClock ticking() {
        return new TestClock(new AtomicReference<>(Instant.now()), ZoneOffset.UTC, Duration.ofMillis(1));
    }

    private TestClock(AtomicReference<Instant> now, ZoneId zone, Duration tick) {
        this.now = now;
        this.zone = zone;
        this.tick = tick;
    }

    /** Moves the clock forward (or back, for a negative duration); returns the new instant. */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by);
        return now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant));
    }

    @Override
    public Instant instant() {
        return tick.isZero() ? now.get() : now.getAndUpdate(t -> t.plus(tick));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time seen in another zone: advancing either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new TestClock(now, zone, tick);
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "," + zone + "]";
    }
}
