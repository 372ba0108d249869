package org.longbox.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Creating libraries and waiting for their scans, through the API. */
public final class Scans {
    private Scans() {
    }

    /** Creates a library without scanning it; returns its id. */
    public static String library(Http http, String owner, String name, Path path, Map<String, Object> config) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("path", path.toString());
        body.put("scan_mode", "NONE");
        if (config != null) {
            body.put("config", config);
        }
        Http.Res r = http.post("/api/v1/libraries").cookie(owner).json(body).send();
        assertEquals(200, r.status(), r.toString());
        return r.json().get("id").asText();
    }

    /** Scans the library and waits for the job to finish; returns the finished job. */
    public static JsonNode scan(Http http, String owner, String libraryId) {
        Http.Res r = http.post("/api/v1/libraries/" + libraryId + "/scan").cookie(owner).send();
        assertEquals(200, r.status(), r.toString());
        return await(http, owner, r.json().get("id").asText());
    }

    /** Waits until the job has started (RUNNING, or already ended); returns it. */
    public static JsonNode awaitRunning(Http http, String owner, String jobId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = http.get("/api/v1/jobs/" + jobId).cookie(owner).send().json();
            if (!job.get("status").asText().equals("QUEUED")) {
                return job;
            }
            pause();
        }
        throw new AssertionError("job " + jobId + " still queued after 60 s");
    }

    public static JsonNode await(Http http, String owner, String jobId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = http.get("/api/v1/jobs/" + jobId).cookie(owner).send().json();
            String status = job.get("status").asText();
            if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                assertEquals("COMPLETED", status, job.toString());
                return job;
            }
            pause();
        }
        fail("job " + jobId + " did not finish within 60 s");
        return null;
    }

    /** The polling step: short, since scans of test libraries take tens of milliseconds. */
    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
