package com.clbsync.clb;

import com.aliyun.nlb20220430.Client;
import com.aliyun.nlb20220430.models.AddServersToServerGroupRequest;
import com.aliyun.nlb20220430.models.ListAsynJobsRequest;
import com.aliyun.nlb20220430.models.ListAsynJobsResponseBody;
import com.aliyun.nlb20220430.models.ListServerGroupServersRequest;
import com.aliyun.nlb20220430.models.ListServerGroupServersResponseBody;
import com.aliyun.nlb20220430.models.ListServerGroupsRequest;
import com.aliyun.nlb20220430.models.ListServerGroupsResponseBody;
import com.aliyun.nlb20220430.models.RemoveServersFromServerGroupRequest;
import com.aliyun.nlb20220430.models.UpdateServerGroupServersAttributeRequest;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.BackendType;
import com.clbsync.time.Deadline;
import com.clbsync.time.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link VServerGroupApi} on the NLB SDK ({@code com.aliyun:nlb20220430}); the only class that sees its
 * types. A server group is read with {@code ListServerGroups} (its name and related NLBs) and
 * {@code ListServerGroupServers} (paged). Each write answers with a job, which is awaited (polled with
 * backoff, within the run's deadline): a job that fails is a failed write, judged by listing the group
 * again; one that does not finish in time leaves the group to the next run. Calls carry at most the
 * configured number of servers (40 unless set, as the CCM sends; 200 documented).
 */
public final class NlbServerGroupApi implements VServerGroupApi {
    /** What the CCM sends per call, and the default. */
    public static final int DEFAULT_BATCH = 40;
    /** What the API documents per call. */
    public static final int MAX_BATCH = 200;
    /** Servers per page of {@code ListServerGroupServers} (the API's maximum). */
    static final int PAGE = 100;
    static final Duration FIRST_POLL = Duration.ofMillis(200);
    static final Duration MAX_POLL = Duration.ofSeconds(2);
    /** The NLB's server types as its API names them; {@code Ip} servers are never clb-sync's. */
    private static final Map<String, BackendType> TYPES = Map.of("Ecs", BackendType.ECS, "Eni", BackendType.ENI);

    private final Client client;
    private final String region;
    private final ApiCalls calls;
    private final int batch;

    private NlbServerGroupApi(Client client, String region, ApiCalls calls, int batch) {
        this.client = client;
        this.region = region;
        this.calls = calls;
        this.batch = batch;
    }

    /** A client for {@code region}; {@code endpoint} a host name, or {@code http://host:port} for a plain-HTTP stand-in. */
    public static NlbServerGroupApi create(String region, String endpoint, ClbCredentials credentials, int batchSize) {
        Config config = OpenApiConfigs.of(credentials, endpoint).setRegionId(region)
                .setConnectTimeout((int) SlbVServerGroupApi.CONNECT_TIMEOUT.toMillis())
                .setReadTimeout((int) SlbVServerGroupApi.READ_TIMEOUT.toMillis());
        try {
            return new NlbServerGroupApi(new Client(config), region, new ApiCalls("nlb", SlbVServerGroupApi.CONNECT_TIMEOUT,
                    SlbVServerGroupApi.READ_TIMEOUT, RetryPolicy.standard(), Quotas.defaults(), Deadline.in(Duration.ofMinutes(5)),
                    CallListener.NONE, Sleeper.REAL), batchSize);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the NLB client: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public NlbServerGroupApi within(Deadline deadline, CallListener listener) {
        return new NlbServerGroupApi(client, region, calls.within(deadline, listener), batch);
    }

    /** The same client with another retry policy and sleeper (tests: job polls wait on it too). */
    public NlbServerGroupApi withRetry(RetryPolicy policy, Sleeper sleeper) {
        return new NlbServerGroupApi(client, region, calls.withRetry(policy, sleeper), batch);
    }

    /** The same client paced by these quotas. */
    public NlbServerGroupApi withQuotas(Quotas quotas) {
        return new NlbServerGroupApi(client, region, calls.withQuotas(quotas), batch);
    }

    @Override
    public int batchSize(String groupId) {
        return batch;
    }

    @Override
    public VServerGroup describe(String groupId) throws ClbException {
        List<ListServerGroupsResponseBody.ListServerGroupsResponseBodyServerGroups> found = calls.call("ListServerGroups",
                runtime -> client.listServerGroupsWithOptions(new ListServerGroupsRequest().setRegionId(region)
                        .setServerGroupIds(List.of(groupId)), runtime).getBody().getServerGroups());
        ListServerGroupsResponseBody.ListServerGroupsResponseBodyServerGroups g = found == null ? null : found.stream()
                .filter(x -> groupId.equals(x.getServerGroupId())).findFirst().orElse(null);
        if (g == null) {
            throw new ClbException("ListServerGroups", 404, ClbException.NLB_GROUP_NOT_FOUND, "The specified server group "
                    + groupId + " does not exist.");
        }
        List<Backend> servers = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListServerGroupServersResponseBody page = calls.call("ListServerGroupServers", runtime -> client
                    .listServerGroupServersWithOptions(new ListServerGroupServersRequest().setRegionId(region)
                            .setServerGroupId(groupId).setMaxResults(PAGE).setNextToken(token), runtime).getBody());
            for (ListServerGroupServersResponseBody.ListServerGroupServersResponseBodyServers s
                    : page.getServers() == null ? List.<ListServerGroupServersResponseBody.ListServerGroupServersResponseBodyServers>of()
                    : page.getServers()) {
                servers.add(server(groupId, servers.size() + 1, s));
            }
            next = page.getNextToken() == null || page.getNextToken().isEmpty() ? null : page.getNextToken();
        } while (next != null);
        return VServerGroup.related(groupId, g.getServerGroupName(), g.getRelatedLoadBalancerIds() == null ? List.of()
                : g.getRelatedLoadBalancerIds(), servers);
    }

    /** One listed server; a row without ServerId or Port makes the whole answer unusable. */
    private static Backend server(String groupId, int row, ListServerGroupServersResponseBody.ListServerGroupServersResponseBodyServers s)
            throws ClbException {
        if (s == null || s.getServerId() == null || s.getServerId().isBlank() || s.getPort() == null) {
            throw new ClbException("ListServerGroupServers", 200, ClbException.UNUSABLE_ANSWER, "server row " + row + " of "
                    + groupId + " has no " + (s == null || s.getServerId() == null || s.getServerId().isBlank() ? "ServerId" : "Port"));
        }
        // Ip servers and a type this version does not know stay what they are: foreign, never written
        BackendType type = TYPES.getOrDefault(s.getServerType() == null ? "" : s.getServerType(), BackendType.OTHER);
        String ip = type == BackendType.ECS || s.getServerIp() == null ? "" : s.getServerIp();
        return Backend.of(BackendKey.of(s.getServerId(), s.getPort(), ip), type, s.getWeight() == null ? 100 : s.getWeight(),
                s.getDescription());
    }

    @Override
    public List<VServerGroup> groupsOf(String loadBalancerId) throws ClbException {
        List<VServerGroup> out = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListServerGroupsResponseBody page = calls.call("ListServerGroups", runtime -> client.listServerGroupsWithOptions(
                    new ListServerGroupsRequest().setRegionId(region).setMaxResults(PAGE).setNextToken(token), runtime).getBody());
            if (page.getServerGroups() != null) {
                page.getServerGroups().stream().filter(g -> g.getRelatedLoadBalancerIds() != null
                        && g.getRelatedLoadBalancerIds().contains(loadBalancerId)).forEach(g -> out.add(VServerGroup.related(
                        g.getServerGroupId(), g.getServerGroupName(), g.getRelatedLoadBalancerIds(), List.of())));
            }
            next = page.getNextToken() == null || page.getNextToken().isEmpty() ? null : page.getNextToken();
        } while (next != null);
        return out;
    }

    @Override
    public void add(String groupId, List<Backend> backends) throws ClbException {
        batched("AddServersToServerGroup", backends, (servers, runtime) -> client.addServersToServerGroupWithOptions(
                new AddServersToServerGroupRequest().setRegionId(region).setServerGroupId(groupId).setServers(servers.stream()
                        .map(b -> new AddServersToServerGroupRequest.AddServersToServerGroupRequestServers().setServerId(b.serverId())
                                .setServerType(wire(b.type())).setServerIp(ip(b)).setPort(b.port()).setWeight(b.weight())
                                .setDescription(b.description())).collect(Collectors.toList())), runtime).getBody().getJobId());
    }

    @Override
    public void remove(String groupId, List<Backend> backends) throws ClbException {
        batched("RemoveServersFromServerGroup", backends, (servers, runtime) -> {
            try {
                return client.removeServersFromServerGroupWithOptions(new RemoveServersFromServerGroupRequest().setRegionId(region)
                        .setServerGroupId(groupId).setServers(servers.stream().map(b -> new RemoveServersFromServerGroupRequest
                                .RemoveServersFromServerGroupRequestServers().setServerId(b.serverId()).setServerType(wire(b.type()))
                                .setServerIp(ip(b)).setPort(b.port())).collect(Collectors.toList())), runtime).getBody().getJobId();
            } catch (com.aliyun.tea.TeaException e) {
                if ("ResourceNotFound.BackendServer".equals(e.getCode())) {
                    return null; // documented: the servers are already gone, which is what was asked
                }
                throw e;
            }
        });
    }

    @Override
    public void setWeights(String groupId, List<Backend> backends) throws ClbException {
        batched("UpdateServerGroupServersAttribute", backends, (servers, runtime) -> client
                .updateServerGroupServersAttributeWithOptions(new UpdateServerGroupServersAttributeRequest().setRegionId(region)
                        .setServerGroupId(groupId).setServers(servers.stream().map(b -> new UpdateServerGroupServersAttributeRequest
                                .UpdateServerGroupServersAttributeRequestServers().setServerId(b.serverId())
                                .setServerType(wire(b.type())).setServerIp(ip(b)).setPort(b.port()).setWeight(b.weight())
                                .setDescription(b.description())).collect(Collectors.toList())), runtime).getBody().getJobId());
    }

    private interface JobCall {
        /** The job's id, or null when nothing was started (nothing to wait for). */
        String run(List<Backend> batch, RuntimeOptions runtime) throws Exception;
    }

    /** One call per batch, its job awaited before the next; a failure names the batches confirmed before it. */
    private void batched(String action, List<Backend> backends, JobCall sdkCall) throws ClbException {
        ApiCalls.inBatches(backends, batch, part -> {
            String job = calls.call(action, runtime -> sdkCall.run(part, runtime));
            if (job != null) {
                await(action, job);
            }
        });
    }

    /** Polls the job ({@code ListAsynJobs}, which also says Failed) with backoff until it ends or the deadline comes. */
    private void await(String action, String job) throws ClbException {
        Duration wait = FIRST_POLL;
        while (true) {
            List<ListAsynJobsResponseBody.ListAsynJobsResponseBodyJobs> jobs = calls.call("ListAsynJobs", runtime -> client
                    .listAsynJobsWithOptions(new ListAsynJobsRequest().setJobIds(List.of(job)), runtime)
                    .getBody().getJobs());
            String status = jobs == null ? "" : jobs.stream().filter(j -> job.equals(j.getId())).map(j -> j.getStatus())
                    .findFirst().orElse("");
            if (status.equals("Succeeded")) {
                return;
            }
            if (status.equals("Failed")) {
                throw new ClbException(action, 0, ClbException.JOB_FAILED, "job " + job + " failed: what it did is judged"
                        + " from the server group as listed again");
            }
            if (!calls.allowsWait(wait)) {
                throw new ClbException(action, 0, ClbException.DEADLINE, "job " + job + " had not finished by the run's"
                        + " deadline; the next run lists the server group again");
            }
            try {
                calls.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ClbException(action, 0, ClbException.DEADLINE, "interrupted while waiting for job " + job);
            }
            wait = wait.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : wait.multipliedBy(2);
        }
    }

    private static String wire(BackendType type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the NLB takes no backend of type " + type));
    }

    private static String ip(Backend b) {
        return b.serverIp().isEmpty() ? null : b.serverIp();
    }
}
