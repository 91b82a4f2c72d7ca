package com.clbsync.clb;

import com.clbsync.plan.Backend;

import java.util.List;

/**
 * The CLB calls clb-sync makes on vServer groups. Implementations own batching (at most 20 backends
 * per call), retries and the mapping of SDK errors to {@link ClbException}.
 */
public interface VServerGroupApi {
    /** {@code DescribeVServerGroupAttribute}. */
    VServerGroup describe(String groupId) throws ClbException;

    /** {@code DescribeVServerGroups}: the ids of the vServer groups of a CLB instance. */
    List<String> groupIdsOf(String loadBalancerId) throws ClbException;

    /** {@code AddVServerGroupBackendServers}, in as few calls as the limit allows. */
    void add(String groupId, List<Backend> backends) throws ClbException;

    /** {@code RemoveVServerGroupBackendServers}, in as few calls as the limit allows. */
    void remove(String groupId, List<Backend> backends) throws ClbException;

    /** {@code SetVServerGroupAttribute}: new weights and descriptions of existing backends. */
    void setWeights(String groupId, List<Backend> backends) throws ClbException;
}
