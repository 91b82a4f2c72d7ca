package com.clbsync.emulator;

import com.google.gson.JsonObject;

/** An error answer of the emulated API: HTTP status, error code and message. */
final class ApiError extends Exception {
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** The answer's body, as the API shapes an error (its RequestId is added on the way out). */
    JsonObject body() {
        JsonObject body = new JsonObject();
        body.addProperty("Code", code);
        body.addProperty("Message", getMessage());
        body.addProperty("HostId", "127.0.0.1");
        body.addProperty("Recommend", "");
        return body;
    }
}
