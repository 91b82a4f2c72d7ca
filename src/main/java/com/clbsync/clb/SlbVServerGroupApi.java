package com.clbsync.clb;

import com.aliyun.slb20140515.Client;
import com.aliyun.slb20140515.models.AddVServerGroupBackendServersRequest;
import com.aliyun.slb20140515.models.DescribeHealthStatusRequest;
import com.aliyun.slb20140515.models.DescribeHealthStatusResponseBody;
import com.aliyun.slb20140515.models.DescribeVServerGroupAttributeRequest;
import com.clbsync.plan.Health;
import com.aliyun.slb20140515.models.DescribeVServerGroupAttributeResponseBody;
import com.aliyun.slb20140515.models.DescribeVServerGroupsRequest;
import com.aliyun.slb20140515.models.DescribeVServerGroupsResponseBody;
import com.aliyun.slb20140515.models.RemoveVServerGroupBackendServersRequest;
import com.aliyun.slb20140515.models.SetVServerGroupAttributeRequest;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.BackendType;
import com.clbsync.time.Deadline;
import com.clbsync.time.Sleeper;
import com.google.gson.Gson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link VServerGroupApi} on the SLB SDK ({@code com.aliyun:slb20140515}); the only class that sees its
 * types. Each SDK call is retried on retryable errors per the {@link RetryPolicy}, never past the deadline.
 */
public final class SlbVServerGroupApi implements VServerGroupApi {
    /** Per-call timeouts: connect, and read (an answer that does not come in time is an ambiguous failure). */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    /** The CLB's limit of backends per Add/Remove/Set call. */
    public static final int MAX_PER_CALL = 20;
    private static final Gson GSON = new Gson();

    private final Client client;
    private final String region;
    private final ApiCalls calls;

    private SlbVServerGroupApi(Client client, String region, ApiCalls calls) {
        this.client = client;
        this.region = region;
        this.calls = calls;
    }

    /**
     * The same client for one run: every call and retry bounded by {@code newDeadline}, paced by the
     * quotas afresh (one pace shared by all the run's threads), each call and refusal told to {@code calls}.
     */
    @Override
    public SlbVServerGroupApi within(Deadline newDeadline, CallListener calls) {
        return new SlbVServerGroupApi(client, region, this.calls.within(newDeadline, calls));
    }

    /** The same client with another retry policy and sleeper (tests). */
    public SlbVServerGroupApi withRetry(RetryPolicy policy, Sleeper newSleeper) {
        return new SlbVServerGroupApi(client, region, calls.withRetry(policy, newSleeper));
    }

    /** The same client paced by these quotas. */
    public SlbVServerGroupApi withQuotas(Quotas newQuotas) {
        return new SlbVServerGroupApi(client, region, calls.withQuotas(newQuotas));
    }

    /**
     * A client for {@code region} with the standard timeouts and retries and a 5-minute budget (see {@link #within}).
     * {@code endpoint} may be empty (the SDK's endpoint for the region), a host name, or
     * {@code http://host:port} for a plain-HTTP stand-in.
     */
    public static SlbVServerGroupApi create(String region, String endpoint, ClbCredentials credentials) {
        return create(region, endpoint, credentials, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    public static SlbVServerGroupApi create(String region, String endpoint, ClbCredentials credentials, Duration connect,
                                            Duration read) {
        Config config = OpenApiConfigs.of(credentials, endpoint).setRegionId(region)
                .setConnectTimeout((int) connect.toMillis()).setReadTimeout((int) read.toMillis());
        try {
            return new SlbVServerGroupApi(new Client(config), region, new ApiCalls("slb", connect, read,
                    RetryPolicy.standard(), Quotas.defaults(), Deadline.in(Duration.ofMinutes(5)), CallListener.NONE, Sleeper.REAL));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the SLB client: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public int batchSize(String groupId) {
        return MAX_PER_CALL;
    }

    @Override
    public VServerGroup describe(String groupId) throws ClbException {
        String action = "DescribeVServerGroupAttribute";
        DescribeVServerGroupAttributeResponseBody body = calls.call(action, runtime -> client.describeVServerGroupAttributeWithOptions(
                new DescribeVServerGroupAttributeRequest().setRegionId(region).setVServerGroupId(groupId), runtime).getBody());
        List<Backend> backends = new ArrayList<>();
        if (body.getBackendServers() != null && body.getBackendServers().getBackendServer() != null) {
            int row = 0;
            for (DescribeVServerGroupAttributeResponseBody.DescribeVServerGroupAttributeResponseBodyBackendServersBackendServer s
                    : body.getBackendServers().getBackendServer()) {
                row++;
                if (s == null || s.getServerId() == null || s.getServerId().isBlank() || s.getPort() == null) {
                    // what the group holds is not known for sure: nothing may be written to it on this answer
                    throw new ClbException(action, 200, ClbException.UNUSABLE_ANSWER, "backend row " + row + " of "
                            + groupId + " has no " + (s == null || s.getServerId() == null || s.getServerId().isBlank()
                            ? "ServerId" : "Port"));
                }
                // a type this version does not know stays what it is: foreign, never re-typed or written
                BackendType type = s.getType() == null || s.getType().isBlank() ? BackendType.ECS
                        : TYPES.getOrDefault(s.getType(), BackendType.OTHER);
                backends.add(Backend.of(BackendKey.of(s.getServerId(), s.getPort(), type.hasIp() ? s.getServerIp() : ""),
                        type, s.getWeight() == null ? 100 : s.getWeight(), s.getDescription()));
            }
        }
        return VServerGroup.of(body.getVServerGroupId() == null ? groupId : body.getVServerGroupId(),
                body.getVServerGroupName(), body.getLoadBalancerId(), backends);
    }

    @Override
    public Map<BackendKey, Health> health(VServerGroup group) throws ClbException {
        DescribeHealthStatusResponseBody body = calls.call("DescribeHealthStatus", runtime -> client.describeHealthStatusWithOptions(
                new DescribeHealthStatusRequest().setRegionId(region).setLoadBalancerId(group.loadBalancerId()), runtime).getBody());
        Map<BackendKey, Health> out = new HashMap<>();
        if (body.getBackendServers() != null && body.getBackendServers().getBackendServer() != null) {
            for (DescribeHealthStatusResponseBody.DescribeHealthStatusResponseBodyBackendServersBackendServer s
                    : body.getBackendServers().getBackendServer()) {
                if (s == null || s.getServerId() == null || s.getPort() == null) {
                    continue; // a row that names no backend says nothing of any
                }
                Health h = Health.fromApi(s.getServerHealthStatus());
                for (BackendKey key : List.of(BackendKey.of(s.getServerId(), s.getPort(), ""),
                        BackendKey.of(s.getServerId(), s.getPort(), s.getServerIp() == null ? "" : s.getServerIp()))) {
                    out.merge(key, h, (a, b) -> a == Health.NORMAL ? b : a); // normal only if normal on every listener
                }
            }
        }
        return out;
    }

    @Override
    public List<VServerGroup> groupsOf(String loadBalancerId) throws ClbException {
        DescribeVServerGroupsResponseBody body = calls.call("DescribeVServerGroups", runtime -> client.describeVServerGroupsWithOptions(
                new DescribeVServerGroupsRequest().setRegionId(region).setLoadBalancerId(loadBalancerId), runtime).getBody());
        List<VServerGroup> groups = new ArrayList<>();
        if (body.getVServerGroups() != null && body.getVServerGroups().getVServerGroup() != null) {
            body.getVServerGroups().getVServerGroup().forEach(g -> groups.add(
                    VServerGroup.of(g.getVServerGroupId(), g.getVServerGroupName(), loadBalancerId, List.of())));
        }
        return groups;
    }

    @Override
    public void add(String groupId, List<Backend> backends) throws ClbException {
        batched("AddVServerGroupBackendServers", backends, (batch, runtime) -> client.addVServerGroupBackendServersWithOptions(
                new AddVServerGroupBackendServersRequest().setRegionId(region).setVServerGroupId(groupId)
                        .setBackendServers(json(batch, true)), runtime));
    }

    @Override
    public void remove(String groupId, List<Backend> backends) throws ClbException {
        batched("RemoveVServerGroupBackendServers", backends, (batch, runtime) -> client.removeVServerGroupBackendServersWithOptions(
                new RemoveVServerGroupBackendServersRequest().setRegionId(region).setVServerGroupId(groupId)
                        .setBackendServers(json(batch, false)), runtime));
    }

    @Override
    public void setWeights(String groupId, List<Backend> backends) throws ClbException {
        batched("SetVServerGroupAttribute", backends, (batch, runtime) -> client.setVServerGroupAttributeWithOptions(
                new SetVServerGroupAttributeRequest().setRegionId(region).setVServerGroupId(groupId)
                        .setBackendServers(json(batch, true)), runtime));
    }

    private interface BatchCall {
        Object run(List<Backend> batch, RuntimeOptions runtime) throws Exception;
    }

    /** One call per batch of at most 20 backends, each retried on its own; a failure names the batches confirmed before it. */
    private void batched(String action, List<Backend> backends, BatchCall sdkCall) throws ClbException {
        ApiCalls.inBatches(backends, MAX_PER_CALL, batch -> calls.call(action, runtime -> sdkCall.run(batch, runtime)));
    }

    /** The CLB's {@code Type} values, as its API reference names them. */
    private static final Map<String, BackendType> TYPES = Map.of("ecs", BackendType.ECS, "eni", BackendType.ENI,
            "eci", BackendType.ECI);

    private static String wire(BackendType type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the CLB has no backend type " + type));
    }

    /** The {@code BackendServers} parameter: a JSON array of string-valued objects. */
    static String json(List<Backend> batch, boolean withSettings) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Backend b : batch) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("ServerId", b.serverId());
            row.put("Port", Integer.toString(b.port()));
            row.put("Type", wire(b.type()));
            if (!b.serverIp().isEmpty()) {
                row.put("ServerIp", b.serverIp());
            }
            if (withSettings) {
                row.put("Weight", Integer.toString(b.weight()));
                row.put("Description", b.description());
            }
            rows.add(row);
        }
        return GSON.toJson(rows);
    }
}
