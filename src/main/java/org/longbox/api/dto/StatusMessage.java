package org.longbox.api.dto;

import io.swagger.v3.oas.annotations.media.Schema;

/** Stump's plain acknowledgement, e.g. from logout. */
@Schema(name = "StatusMessage")
public record StatusMessage(int status, String message) {
    public static final StatusMessage OK = new StatusMessage(200, "OK");
}
