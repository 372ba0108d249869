package org.longbox.user;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells whoever holds derived credentials (the Basic cache) that a user's password, lock state or
 * existence changed, so nothing derived from the old state is honoured again.
 */
public final class CredentialEvents {
    private final List<Consumer<String>> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<String> onChanged) {
        subscribers.add(onChanged);
    }

    public void changed(String userId) {
        for (Consumer<String> s : subscribers) {
            s.accept(userId);
        }
    }
}
