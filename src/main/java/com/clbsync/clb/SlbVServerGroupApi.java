package com.clbsync.clb;

import com.aliyun.slb20140515.Client;
import com.aliyun.slb20140515.models.AddVServerGroupBackendServersRequest;
import com.aliyun.slb20140515.models.DescribeVServerGroupAttributeRequest;
import com.aliyun.slb20140515.models.DescribeVServerGroupAttributeResponseBody;
import com.aliyun.slb20140515.models.DescribeVServerGroupsRequest;
import com.aliyun.slb20140515.models.DescribeVServerGroupsResponseBody;
import com.aliyun.slb20140515.models.RemoveVServerGroupBackendServersRequest;
import com.aliyun.slb20140515.models.SetVServerGroupAttributeRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.Batches;
import com.google.gson.Gson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link VServerGroupApi} on the SLB SDK ({@code com.aliyun:slb20140515}); the only class that sees its types. */
public final class SlbVServerGroupApi implements VServerGroupApi {
    private static final Gson GSON = new Gson();
    private final Client client;
    private final String region;
    private final RuntimeOptions runtime;

    public SlbVServerGroupApi(Client client, String region, int connectTimeoutMillis, int readTimeoutMillis) {
        this.client = client;
        this.region = region;
        this.runtime = new RuntimeOptions().setConnectTimeout(connectTimeoutMillis).setReadTimeout(readTimeoutMillis)
                .setAutoretry(false);
    }

    /**
     * A client for {@code region}. {@code endpoint} may be empty (the SDK's endpoint for the region),
     * a host name, or {@code http://host:port} for a plain-HTTP stand-in.
     */
    public static SlbVServerGroupApi create(String region, String endpoint, ClbCredentials credentials) {
        Config config = new Config().setRegionId(region).setAccessKeyId(credentials.accessKeyId())
                .setAccessKeySecret(credentials.accessKeySecret()).setConnectTimeout(5_000).setReadTimeout(15_000);
        if (credentials.securityToken() != null) {
            config.setSecurityToken(credentials.securityToken());
        }
        if (endpoint != null && !endpoint.isEmpty()) {
            if (endpoint.startsWith("http://")) {
                config.setProtocol("HTTP").setEndpoint(endpoint.substring("http://".length()));
            } else {
                config.setProtocol("HTTPS").setEndpoint(endpoint.replaceFirst("^https://", ""));
            }
        }
        try {
            return new SlbVServerGroupApi(new Client(config), region, 5_000, 15_000);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the SLB client: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public VServerGroup describe(String groupId) throws ClbException {
        String action = "DescribeVServerGroupAttribute";
        DescribeVServerGroupAttributeResponseBody body = call(action, () -> client.describeVServerGroupAttributeWithOptions(
                new DescribeVServerGroupAttributeRequest().setRegionId(region).setVServerGroupId(groupId), runtime).getBody());
        List<Backend> backends = new ArrayList<>();
        if (body.getBackendServers() != null && body.getBackendServers().getBackendServer() != null) {
            for (DescribeVServerGroupAttributeResponseBody.DescribeVServerGroupAttributeResponseBodyBackendServersBackendServer s
                    : body.getBackendServers().getBackendServer()) {
                backends.add(Backend.of(BackendKey.of(s.getServerId(), s.getPort() == null ? 0 : s.getPort(), s.getServerIp()),
                        s.getType(), s.getWeight() == null ? 100 : s.getWeight(), s.getDescription()));
            }
        }
        return VServerGroup.of(body.getVServerGroupId() == null ? groupId : body.getVServerGroupId(),
                body.getVServerGroupName(), body.getLoadBalancerId(), backends);
    }

    @Override
    public List<String> groupIdsOf(String loadBalancerId) throws ClbException {
        DescribeVServerGroupsResponseBody body = call("DescribeVServerGroups", () -> client.describeVServerGroupsWithOptions(
                new DescribeVServerGroupsRequest().setRegionId(region).setLoadBalancerId(loadBalancerId), runtime).getBody());
        List<String> ids = new ArrayList<>();
        if (body.getVServerGroups() != null && body.getVServerGroups().getVServerGroup() != null) {
            body.getVServerGroups().getVServerGroup().forEach(g -> ids.add(g.getVServerGroupId()));
        }
        return ids;
    }

    @Override
    public void add(String groupId, List<Backend> backends) throws ClbException {
        for (List<Backend> batch : Batches.of(backends, Batches.CLB_MAX)) {
            call("AddVServerGroupBackendServers", () -> client.addVServerGroupBackendServersWithOptions(
                    new AddVServerGroupBackendServersRequest().setRegionId(region).setVServerGroupId(groupId)
                            .setBackendServers(json(batch, true)), runtime));
        }
    }

    @Override
    public void remove(String groupId, List<Backend> backends) throws ClbException {
        for (List<Backend> batch : Batches.of(backends, Batches.CLB_MAX)) {
            call("RemoveVServerGroupBackendServers", () -> client.removeVServerGroupBackendServersWithOptions(
                    new RemoveVServerGroupBackendServersRequest().setRegionId(region).setVServerGroupId(groupId)
                            .setBackendServers(json(batch, false)), runtime));
        }
    }

    @Override
    public void setWeights(String groupId, List<Backend> backends) throws ClbException {
        for (List<Backend> batch : Batches.of(backends, Batches.CLB_MAX)) {
            call("SetVServerGroupAttribute", () -> client.setVServerGroupAttributeWithOptions(
                    new SetVServerGroupAttributeRequest().setRegionId(region).setVServerGroupId(groupId)
                            .setBackendServers(json(batch, true)), runtime));
        }
    }

    /** The {@code BackendServers} parameter: a JSON array of string-valued objects. */
    static String json(List<Backend> batch, boolean withSettings) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Backend b : batch) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("ServerId", b.serverId());
            row.put("Port", Integer.toString(b.port()));
            row.put("Type", b.type());
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

    private interface SdkCall<T> {
        T run() throws Exception;
    }

    private static <T> T call(String action, SdkCall<T> sdkCall) throws ClbException {
        try {
            return sdkCall.run();
        } catch (TeaException e) {
            throw new ClbException(action, e.getCode(), firstLine(e.getMessage()));
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new ClbException(action, ClbException.NO_RESPONSE, root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage())));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
