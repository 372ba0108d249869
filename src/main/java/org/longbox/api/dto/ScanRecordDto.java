package org.longbox.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.longbox.library.ScanRecord;
import org.longbox.server.Json;

import java.time.Instant;

/** Stump's LibraryScanRecord. */
@Schema(name = "LibraryScanRecord")
public record ScanRecordDto(String id, JsonNode options, Instant timestamp, String libraryId, String jobId) {
    public static ScanRecordDto of(ScanRecord r) {
        JsonNode options;
        try {
            options = r.options() == null ? null : Json.MAPPER.readTree(r.options());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            options = null;
        }
        return new ScanRecordDto(r.id(), options, Instant.ofEpochMilli(r.occurredAt()), r.libraryId(), r.jobId());
    }
}
