package com.clbsync.clb;

import com.aliyun.ecs20140526.Client;
import com.aliyun.ecs20140526.models.DescribeNetworkInterfacesRequest;
import com.aliyun.ecs20140526.models.DescribeNetworkInterfacesResponseBody;
import com.aliyun.ecs20140526.models.DescribeNetworkInterfacesResponseBody.DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet;
import com.aliyun.teaopenapi.models.Config;
import com.clbsync.plan.Batches;
import com.clbsync.plan.Eni;
import com.clbsync.time.Deadline;
import com.clbsync.time.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link EniLookup} on the ECS SDK ({@code com.aliyun:ecs20140526}); the only class that sees its types.
 * Asks for at most 100 IPs per call ({@code PrivateIpAddress.N}, ENIs {@code InUse}), following
 * {@code NextToken}; each call paced, retried and bounded as the CLB's are.
 */
public final class EcsEniLookup implements EniLookup {
    /** IPs per call: the documented limit of {@code PrivateIpAddress.N}. */
    public static final int MAX_IPS = 100;
    static final String ACTION = "DescribeNetworkInterfaces";
    private final Client client;
    private final String region;
    private final ApiCalls calls;

    private EcsEniLookup(Client client, String region, ApiCalls calls) {
        this.client = client;
        this.region = region;
        this.calls = calls;
    }

    /**
     * A lookup in {@code region}; {@code endpoint} may be empty (the SDK's for the region), a host name, or
     * {@code http://host:port} for a plain-HTTP stand-in.
     */
    public static EcsEniLookup create(String region, String endpoint, ClbCredentials credentials, RetryPolicy retry) {
        Duration connect = SlbVServerGroupApi.CONNECT_TIMEOUT;
        Duration read = SlbVServerGroupApi.READ_TIMEOUT;
        Config config = OpenApiConfigs.of(credentials, endpoint).setRegionId(region)
                .setConnectTimeout((int) connect.toMillis()).setReadTimeout((int) read.toMillis());
        try {
            return new EcsEniLookup(new Client(config), region, new ApiCalls("ecs", connect, read, retry,
                    Quotas.defaults(), Deadline.in(Duration.ofMinutes(5)), CallListener.NONE, Sleeper.REAL));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the ECS client: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public EcsEniLookup within(Deadline deadline, CallListener listener) {
        return new EcsEniLookup(client, region, calls.within(deadline, listener));
    }

    @Override
    public Map<String, List<Eni>> enis(Collection<String> podIps) throws ClbException {
        Map<String, List<Eni>> out = new HashMap<>();
        for (List<String> batch : Batches.of(new ArrayList<>(new TreeSet<>(podIps)), MAX_IPS)) {
            Set<String> asked = Set.copyOf(batch);
            String token = null;
            do {
                DescribeNetworkInterfacesRequest request = new DescribeNetworkInterfacesRequest().setRegionId(region)
                        .setPrivateIpAddress(batch).setStatus("InUse").setMaxResults(MAX_IPS).setNextToken(token);
                DescribeNetworkInterfacesResponseBody body = calls.call(ACTION,
                        runtime -> client.describeNetworkInterfacesWithOptions(request, runtime).getBody());
                if (body.getNetworkInterfaceSets() != null && body.getNetworkInterfaceSets().getNetworkInterfaceSet() != null) {
                    body.getNetworkInterfaceSets().getNetworkInterfaceSet().forEach(eni -> collect(eni, asked, out));
                }
                token = body.getNextToken() == null || body.getNextToken().isEmpty() ? null : body.getNextToken();
            } while (token != null);
        }
        return out;
    }

    /**
     * Every asked IP the ENI holds (its primary address and its secondary ones: Terway's shared ENIs),
     * with the instance it is attached to.
     */
    private static void collect(DescribeNetworkInterfacesResponseBodyNetworkInterfaceSetsNetworkInterfaceSet eni,
                                Set<String> asked, Map<String, List<Eni>> out) {
        String instance = eni.getInstanceId() != null && !eni.getInstanceId().isBlank() ? eni.getInstanceId()
                : eni.getAttachment() == null ? "" : eni.getAttachment().getInstanceId();
        List<String> ips = new ArrayList<>();
        ips.add(eni.getPrivateIpAddress());
        if (eni.getPrivateIpSets() != null && eni.getPrivateIpSets().getPrivateIpSet() != null) {
            eni.getPrivateIpSets().getPrivateIpSet().forEach(p -> ips.add(p.getPrivateIpAddress()));
        }
        for (String ip : ips) {
            if (ip != null && asked.contains(ip) && eni.getNetworkInterfaceId() != null) {
                List<Eni> holders = out.computeIfAbsent(ip, k -> new ArrayList<>());
                Eni e = Eni.of(eni.getNetworkInterfaceId(), instance);
                if (!holders.contains(e)) {
                    holders.add(e);
                }
            }
        }
    }
}
