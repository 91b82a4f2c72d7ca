package com.clbsync.emulator;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the emulator checks of every request before it answers: no forbidden value anywhere on the wire
 * (an AccessKey secret), a signature, and an STS token that has not expired.
 */
final class Guards {
    private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final AtomicInteger secretsSeen = new AtomicInteger();

    void forbid(String text) {
        forbidden.add(text);
    }

    void expire(String securityToken) {
        expired.add(securityToken);
    }

    int secretsSeen() {
        return secretsSeen.get();
    }

    void check(WireRequest request) throws ApiError {
        if (forbidden.stream().anyMatch(request::carries)) {
            secretsSeen.incrementAndGet();
            throw new ApiError(400, "SecretOnTheWire", "The request carries a value it must never carry.");
        }
        if (request.signing.isEmpty()) {
            throw new ApiError(400, "MissingSignature", "The request is not signed.");
        }
        if (!request.securityToken.isEmpty() && expired.contains(request.securityToken)) {
            throw new ApiError(400, "InvalidSecurityToken.Expired", "The security token you provided has expired.");
        }
    }
}
