package com.clbsync.emulator;

/** An error answer of the emulated API: HTTP status, error code and message. */
final class ApiError extends Exception {
    final int status;
    final String code;

    ApiError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
