package org.longbox.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "LastLibraryScan")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LastScanDto(Instant lastScannedAt, ScanRecordDto lastScan) {
}
