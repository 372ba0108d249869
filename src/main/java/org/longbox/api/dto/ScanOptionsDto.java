package org.longbox.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** Stump's ScanOptions: {@code {config: "BuildChanged" | {force_rebuild: bool} | {regen_meta, regen_hashes}}}. */
@Schema(name = "ScanOptions")
public record ScanOptionsDto(@Schema(description = "\"BuildChanged\" (default), {\"force_rebuild\": true}, or {\"regen_meta\": true, \"regen_hashes\": true}")
                             JsonNode config) {
    /** True when the options ask to read every book again. */
    public boolean rebuild() {
        if (config == null || config.isNull() || config.isTextual()) {
            if (config != null && config.isTextual() && !config.asText().equals("BuildChanged")) {
                throw org.longbox.server.errors.ApiException.badRequest("config must be \"BuildChanged\" or an object");
            }
            return false;
        }
        if (!config.isObject()) {
            throw org.longbox.server.errors.ApiException.badRequest("config must be \"BuildChanged\" or an object");
        }
        return config.path("force_rebuild").asBoolean(false) || config.path("regen_meta").asBoolean(false)
                || config.path("regen_hashes").asBoolean(false);
    }
}
