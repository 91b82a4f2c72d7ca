package com.clbsync.kube;

/** A cluster could not be read; {@link #kind()} says what kind of failure, for the fix to suggest. */
public final class ClusterReadException extends Exception {
    /** What went wrong, as far as the answer (or its absence) tells. */
    public enum Kind {
        /** 401: the credentials are not accepted. */
        UNAUTHORIZED,
        /** 403: the identity may not list what clb-sync reads (RBAC). */
        FORBIDDEN,
        /** The API server's certificate did not verify against the configured CA. */
        TLS,
        /** No connection: address, network path, security group. */
        UNREACHABLE,
        /** 410: a list's continue token expired (the list is started again once). */
        EXPIRED,
        /** 404: the object read by name does not exist (a targeted read: it is gone). */
        NOT_FOUND,
        /** The ACK API refused a kubeconfig to these credentials (RAM), or there were none. */
        ACK_FORBIDDEN,
        OTHER
    }

    private final Kind kind;

    public ClusterReadException(String message) {
        this(message, Kind.OTHER);
    }

    public ClusterReadException(String message, Kind kind) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() { return kind; }
}
