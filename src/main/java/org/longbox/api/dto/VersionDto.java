package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

@Schema(name = "StumpVersion")
public record VersionDto(@Schema(example = "0.1.0") String semver, String rev, String compileTime) {
}
