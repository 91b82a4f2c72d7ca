package com.clbsync.kube;

import com.clbsync.model.ClusterSnapshot;

/**
 * Reads one cluster: all Services, EndpointSlices and Nodes, with a constant number of (paginated)
 * list calls. A reader is built once per cluster and may be called many times.
 */
public interface ClusterReader {
    ClusterSnapshot read() throws ClusterReadException;

    /** One harmless read that proves the cluster answers this identity (by default, a whole read). */
    default void probe() throws ClusterReadException {
        read();
    }
}
