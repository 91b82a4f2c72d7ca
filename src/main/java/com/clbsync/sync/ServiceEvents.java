package com.clbsync.sync;

/** Writes Events on the Services of one cluster; the same reason and message again counts up the existing one. */
public interface ServiceEvents {
    void record(ServiceEvent event) throws Exception;
}
