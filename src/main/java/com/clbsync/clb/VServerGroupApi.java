package com.clbsync.clb;

import com.clbsync.plan.Backend;
import com.clbsync.time.Deadline;

import java.util.List;
import java.util.Map;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.Health;

/**
 * The CLB calls clb-sync makes on vServer groups. Implementations own batching (at most 20 backends
 * per call), retries, the run's deadline and the mapping of SDK errors to {@link ClbException}.
 */
public interface VServerGroupApi {
    /** How many backends one write call carries for this group (the planned calls are counted by it). */
    int batchSize(String groupId);

    /** {@code DescribeVServerGroupAttribute}. */
    VServerGroup describe(String groupId) throws ClbException;

    /** {@code DescribeVServerGroups}: the vServer groups of a CLB instance, with their names (no backends). */
    List<VServerGroup> groupsOf(String loadBalancerId) throws ClbException;

    /**
     * The load balancer's health check of the backends of the group's load balancer, by key
     * ({@code DescribeHealthStatus}: every listener of the CLB in one call). A backend that serves
     * several listeners is {@code normal} only when it is on every one. Only CLB groups have it here.
     */
    default Map<BackendKey, Health> health(VServerGroup group) throws ClbException {
        throw new UnsupportedOperationException("no health check read for " + group.id());
    }

    /** {@code AddVServerGroupBackendServers}, in as few calls as the limit allows. */
    void add(String groupId, List<Backend> backends) throws ClbException;

    /** {@code RemoveVServerGroupBackendServers}, in as few calls as the limit allows. */
    void remove(String groupId, List<Backend> backends) throws ClbException;

    /** {@code SetVServerGroupAttribute}: new weights and descriptions of existing backends. */
    void setWeights(String groupId, List<Backend> backends) throws ClbException;

    /**
     * The same API for one run: every call and retry paced by the API quota and ending by
     * {@code deadline} (a call that cannot is not sent), each call and refusal told to {@code calls}.
     */
    VServerGroupApi within(Deadline deadline, CallListener calls);
}
