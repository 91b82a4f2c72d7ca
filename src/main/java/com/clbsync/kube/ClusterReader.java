package com.clbsync.kube;

import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.Refresh;

/**
 * Reads one cluster: all Services, EndpointSlices and Nodes, with a constant number of (paginated)
 * list calls. A reader is built once per cluster and may be called many times.
 */
public interface ClusterReader {
    ClusterSnapshot read() throws ClusterReadException;

    /**
     * {@code base} with the objects {@code what} names read again, everything else taken from it (a
     * warm instance's targeted event). By default a whole read: a reader that cannot get single objects.
     */
    default ClusterSnapshot refresh(ClusterSnapshot base, Refresh what) throws ClusterReadException {
        return read();
    }

    /**
     * {@code base} brought up to now from only what changed since the resourceVersions it stands at (a
     * bounded watch per list), or why that cannot be done for sure: then the caller reads in full. By
     * default never: a reader that can only read in full.
     */
    default Resumed resume(ClusterSnapshot base) {
        return Resumed.no("this cluster is read in full only");
    }

    /** One harmless read that proves the cluster answers this identity (by default, a whole read). */
    default void probe() throws ClusterReadException {
        read();
    }

    /**
     * Stops the reads in flight now (the run stopped waiting for them): their calls end at once with a
     * failure instead of running on into the next invocation. By default nothing to stop.
     */
    default void cancel() {
    }
}
