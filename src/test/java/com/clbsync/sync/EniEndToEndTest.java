package com.clbsync.sync;

import com.clbsync.config.WeightMode;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendType;
import com.clbsync.testing.FakeCluster;
import com.clbsync.testing.FakeCluster.Pod;
import com.clbsync.testing.World;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.clbsync.testing.World.GROUP_2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terway clusters end to end, in both weight modes: pods as ENI backends (ENIs looked up from the
 * emulator's ECS side), beside a node cluster in one group, through client-java, the SDKs and the emulator.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(WeightMode.class)
class EniEndToEndTest {
    @Parameter
    WeightMode mode;

    private World world;
    private FakeCluster terway;
    private FakeCluster nodes;

    @BeforeEach
    void start() throws Exception {
        world = new World().weightMode(mode);
        terway = world.cluster("cluster-a").backendType(BackendType.ENI); // Services without backend-type are ENI
        nodes = world.cluster("cluster-b");
        terway.nodes("a", 2);
        nodes.service(FakeCluster.SEED.resolve("service-b.yaml"), 31080); // weight 80, GROUP_2
        nodes.readyPods("default", "service-b", nodes.nodeNames("b", 3), true);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Pods 10.2.0.1.. each on its own ENI {@code eni-<n>} (Terway's exclusive ENI mode). */
    private Map<String, Pod> pods(int count, Pod state) {
        Map<String, Pod> out = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            out.put(ip(i), state);
            world.clb.networkInterface("eni-" + i, "i-a-0", ip(i)); // attached to the node the pods run on
        }
        return out;
    }

    private static String ip(int i) {
        return "10.2." + (i / 250) + "." + (i % 250 + 1);
    }

    private List<Backend> eniBackends() {
        return world.group(GROUP_2).stream().filter(b -> b.type() == BackendType.ENI).collect(Collectors.toList());
    }

    private long calls(String action) {
        return world.callActions().stream().filter(action::equals).count();
    }

    @Test
    void anEniServiceAndANodeServiceShareAGroupTwentyEighty() throws Exception {
        terway.podService("web", GROUP_2, 20, "8080", null);
        terway.slice("web", "web-1", "http", 8080, pods(4, Pod.READY), "a-0");

        World.assertComplete(world.apply());

        assertThat(eniBackends()).extracting(b -> b.serverId() + "/" + b.serverIp() + ":" + b.port())
                .containsExactlyInAnyOrder("eni-1/10.2.0.2:8080", "eni-2/10.2.0.3:8080", "eni-3/10.2.0.4:8080", "eni-4/10.2.0.5:8080");
        assertThat(eniBackends()).extracting(Backend::description).containsOnly("k8s/8080/web/default/" + terway.owner());
        if (mode == WeightMode.GLOBAL) {
            assertThat(world.share(GROUP_2, "eni-")).isCloseTo(0.20, Offset.offset(0.005));
        } else { // the CCM's arithmetic: max(1, 20 / 4 pods) and max(1, 80 / 3 nodes)
            assertThat(eniBackends()).extracting(Backend::weight).containsOnly(5);
            assertThat(world.group(GROUP_2)).filteredOn(b -> b.type() == BackendType.ECS).extracting(Backend::weight).containsOnly(26);
        }
        assertThat(world.clb.calls()).filteredOn(c -> c.action().equals("AddVServerGroupBackendServers"))
                .allSatisfy(c -> assertThat(c.params().get("BackendServers")).contains("\"Type\":\"eni\"").contains("\"ServerIp\""));

        world.apply();
        assertThat(world.writes()).as("converged").isZero();
        assertThat(world.callActions()).containsExactlyInAnyOrder("DescribeNetworkInterfaces", "DescribeVServerGroupAttribute");
    }

    @Test
    void aHandWrittenEndpointSliceNamingAnotherMachinesEniGetsNoBackend() throws Exception {
        terway.podService("web", GROUP_2, 20, "8080", null);
        Map<String, Pod> endpoints = pods(2, Pod.READY);
        endpoints.put("10.9.0.5", Pod.READY);                          // the database server's address, by hand
        world.clb.networkInterface("eni-db", "i-database", "10.9.0.5"); // its ENI: attached to no node of cluster A
        terway.slice("web", "web-by-hand", "http", 8080, endpoints, "a-0");

        SyncReport r = world.apply();

        assertThat(eniBackends()).extracting(Backend::serverId).containsExactlyInAnyOrder("eni-1", "eni-2");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("cluster-a/default/web").contains("10.9.0.5")
                .contains("eni-db of i-database").contains("not attached to a node of cluster-a"));
    }

    @Test
    void twoClustersInTwoVpcsWithOneEqualPodIpGetTheirOwnEnis() throws Exception {
        FakeCluster other = world.cluster("cluster-c").backendType(BackendType.ENI); // another VPC, the same pod CIDR
        other.nodes("c", 1);
        terway.podService("web", GROUP_2, 50, "8080", null);
        other.podService("web", GROUP_2, 50, "8080", null);
        Map<String, Pod> samePod = Map.of("10.2.0.2", Pod.READY);
        world.clb.networkInterface("eni-in-vpc-a", "i-a-0", "10.2.0.2");
        world.clb.networkInterface("eni-in-vpc-c", "i-c-0", "10.2.0.2");
        terway.slice("web", "web-1", "http", 8080, samePod, "a-0");
        other.slice("web", "web-1", "http", 8080, samePod, "c-0");

        World.assertComplete(world.apply());

        assertThat(eniBackends()).extracting(b -> b.serverId() + "/" + b.serverIp() + " " + b.description())
                .containsExactlyInAnyOrder("eni-in-vpc-a/10.2.0.2 k8s/8080/web/default/" + terway.owner(),
                        "eni-in-vpc-c/10.2.0.2 k8s/8080/web/default/" + other.owner());
        assertThat(world.callActions()).filteredOn("DescribeNetworkInterfaces"::equals).hasSize(1);
    }

    @Test
    void anEniServiceWhoseSlicesAreGoneForAMomentKeepsItsBackendsAtWeightZero() throws Exception {
        terway.podService("web", GROUP_2, 20, "8080", null);
        terway.slice("web", "web-1", "http", 8080, pods(3, Pod.READY), "a-0");
        World.assertComplete(world.apply());
        assertThat(eniBackends()).hasSize(3);

        terway.deleteSlice("web-1"); // the Service stays; its slices are being re-created
        SyncReport r = world.apply();

        assertThat(eniBackends()).as("none removed").hasSize(3).extracting(Backend::weight).containsOnly(0);
        assertThat(eniBackends()).extracting(Backend::description).containsOnly("k8s/8080/web/default/" + terway.owner());
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("cluster-a/default/web: no EndpointSlice"));
        assertThat(world.clb.calls()).noneMatch(c -> c.action().equals("RemoveVServerGroupBackendServers"));

        terway.slice("web", "web-1", "http", 8080, pods(3, Pod.READY), "a-0");
        World.assertComplete(world.apply());
        assertThat(eniBackends()).hasSize(3).allSatisfy(b -> assertThat(b.weight()).isPositive());
    }

    @Test
    void aPodWithoutAnEniIsReportedAndItsBackendKeptWhileTheOthersSync() throws Exception {
        terway.podService("web", GROUP_2, 20, "8080", null);
        terway.slice("web", "web-1", "http", 8080, pods(3, Pod.READY), "a-0");
        World.assertComplete(world.apply());
        Backend third = eniBackends().stream().filter(b -> b.serverIp().equals(ip(3))).findFirst().orElseThrow();

        Map<String, Pod> more = pods(3, Pod.READY);
        more.put(ip(4), Pod.READY);                 // a new pod whose ENI is not there yet
        world.clb.releaseNetworkInterface("eni-3"); // and one ECS no longer lists (its ENI is being re-attached)
        terway.slice("web", "web-1", "http", 8080, more, "a-0");
        SyncReport r = world.apply();

        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains(ip(3)).contains(ip(4)).contains("without an ENI"));
        assertThat(eniBackends()).as("the IP without an ENI keeps its backend as it was; no backend for the new one")
                .contains(third).extracting(Backend::serverIp).containsExactlyInAnyOrder(ip(1), ip(2), ip(3));
        assertThat(world.callActions()).doesNotContain("RemoveVServerGroupBackendServers");
    }

    @Test
    void aFailedEniLookupFreezesTheEniServicesOnly() throws Exception {
        terway.podService("web", GROUP_2, 20, "8080", null);
        terway.slice("web", "web-1", "http", 8080, pods(3, Pod.READY), "a-0");
        World.assertComplete(world.apply());
        List<Backend> before = world.group(GROUP_2);

        terway.slice("web", "web-1", "http", 8080, pods(1, Pod.READY), "a-0"); // scaled in to one pod
        world.clb.failNext("DescribeNetworkInterfaces", 20, "Forbidden.RAM");
        SyncReport r = world.apply();

        assertThat(r.frozenServices()).singleElement().asString().contains("cluster-a: default/web")
                .contains("Forbidden.RAM").contains("ecs:DescribeNetworkInterfaces");
        assertThat(world.group(GROUP_2)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(world.writes()).isZero();
    }

    @Test
    void moreThanAHundredPodIpsAreLookedUpAHundredPerCall() throws Exception {
        terway.podService("web", GROUP_2, 20, "8080", null);
        Map<String, Pod> many = new LinkedHashMap<>();
        for (int i = 1; i <= 250; i++) {
            many.put(ip(i), Pod.READY);
        }
        for (int e = 0; e < 25; e++) { // Terway's shared ENIs: ten pod IPs on each
            String[] ips = new String[10];
            for (int k = 0; k < 10; k++) {
                ips[k] = ip(e * 10 + k + 1);
            }
            world.clb.networkInterface("eni-shared-" + e, "i-a-0", ips);
        }
        terway.slice("web", "web-1", "http", 8080, many, "a-0");

        World.assertComplete(world.apply());

        assertThat(calls("DescribeNetworkInterfaces")).isEqualTo(3);
        assertThat(world.clb.calls()).filteredOn(c -> c.action().equals("DescribeNetworkInterfaces"))
                .allSatisfy(c -> assertThat(c.params().keySet().stream().filter(k -> k.startsWith("PrivateIpAddress."))).hasSizeLessThanOrEqualTo(100));
        assertThat(eniBackends()).hasSize(250);
        assertThat(eniBackends()).filteredOn(b -> b.serverIp().equals(ip(37))).extracting(Backend::serverId).containsExactly("eni-shared-3");
    }

    @Test
    void theEnisOfEveryEniServiceOfTheRunAreLookedUpTogether() throws Exception {
        terway.podService("web", GROUP_2, 20, "8080", null);
        terway.slice("web", "web-1", "http", 8080, pods(3, Pod.READY), "a-0");
        terway.podService("api", World.GROUP_3, null, "9090", null);
        Map<String, Pod> api = new LinkedHashMap<>();
        api.put(ip(10), Pod.READY);
        world.clb.networkInterface("eni-10", "i-a-1", ip(10));
        terway.slice("api", "api-1", "http", 9090, api, "a-1");
        nodes.podService("cart", World.GROUP_4, null, "7070", "eni"); // cluster B is no Terway cluster; this Service is
        Map<String, Pod> cart = new LinkedHashMap<>();
        cart.put(ip(20), Pod.READY);
        world.clb.networkInterface("eni-20", "i-b-0", ip(20));
        nodes.slice("cart", "cart-1", "http", 7070, cart, "b-0");

        World.assertComplete(world.apply());

        assertThat(calls("DescribeNetworkInterfaces")).isEqualTo(1);
        assertThat(world.group(World.GROUP_3)).extracting(Backend::serverId).containsExactly("eni-10");
        assertThat(world.group(World.GROUP_4)).extracting(Backend::serverId).containsExactly("eni-20");
    }

    @Test
    void aNamedTargetPortTakesOnlyThePodsOfTheSlicesCarryingIt() throws Exception {
        terway.podService("web", GROUP_2, 20, "http", null);
        terway.slice("web", "web-http", "http", 8080, pods(2, Pod.READY), "a-0");
        Map<String, Pod> metrics = new LinkedHashMap<>();
        metrics.put(ip(3), Pod.READY);
        world.clb.networkInterface("eni-3", "i-a-1", ip(3));
        terway.slice("web", "web-metrics", "metrics", 9100, metrics, "a-1");

        World.assertComplete(world.apply());

        assertThat(eniBackends()).extracting(b -> b.serverIp() + ":" + b.port()).containsExactlyInAnyOrder(ip(1) + ":8080", ip(2) + ":8080");
    }

    @Test
    void aTerminatingPodStaysAtWeightZeroUntilItIsGone() throws Exception {
        terway.podService("web", GROUP_2, 20, "8080", null);
        terway.slice("web", "web-1", "http", 8080, pods(3, Pod.READY), "a-0");
        World.assertComplete(world.apply());

        Map<String, Pod> rolling = pods(3, Pod.READY);
        rolling.put(ip(3), Pod.TERMINATING_SERVING);
        terway.slice("web", "web-1", "http", 8080, rolling, "a-0");
        World.assertComplete(world.apply());
        assertThat(eniBackends()).filteredOn(b -> b.serverIp().equals(ip(3))).extracting(Backend::weight).containsExactly(0);
        assertThat(world.callActions()).doesNotContain("RemoveVServerGroupBackendServers");
        if (mode == WeightMode.GLOBAL) {
            assertThat(world.share(GROUP_2, "eni-")).isCloseTo(0.20, Offset.offset(0.005));
        }

        terway.slice("web", "web-1", "http", 8080, pods(2, Pod.READY), "a-0"); // the pod is gone
        World.assertComplete(world.apply());
        assertThat(eniBackends()).extracting(Backend::serverIp).containsExactlyInAnyOrder(ip(1), ip(2));
    }
}
