package org.longbox.user;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.longbox.server.Json;
import org.longbox.server.database.Database;
import org.longbox.server.errors.ApiException;

import java.time.Clock;

/**
 * Small JSON documents a user's clients keep on the server (Stump's user preferences and
 * navigation arrangement). Longbox stores them as given: a JSON object of at most 16,000 characters.
 */
public final class UserDocuments {
    public static final String PREFERENCES = "preferences";
    public static final String NAVIGATION = "navigation_arrangement";
    private static final int MAX = 16_000;

    private final Database db;
    private final Clock clock;

    public UserDocuments(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The stored object, or an empty one. */
    public JsonNode get(String userId, String name) {
        String json = db.auto(s -> s.getMapper(UserDocumentMapper.class).find(userId, name));
        if (json == null) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    /** Replaces the stored object; anything but a JSON object of bounded size is a 400. */
    public JsonNode put(String userId, String name, JsonNode value) {
        if (!(value instanceof ObjectNode)) {
            throw ApiException.badRequest("A JSON object is required");
        }
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (json.length() > MAX) {
            throw ApiException.badRequest("The document may be at most " + MAX + " characters of JSON");
        }
        long now = clock.millis();
        db.txVoid(s -> {
            UserDocumentMapper m = s.getMapper(UserDocumentMapper.class);
            if (m.update(userId, name, json, now) == 0) {
                m.insert(userId, name, json, now);
            }
        });
        return value;
    }
}
