package com.clbsync.kube;

/** A cluster could not be read completely; its message names the list call and the status, never a token. */
public final class ClusterReadException extends Exception {
    public ClusterReadException(String message) {
        super(message);
    }
}
