package com.clbsync.check;

import com.clbsync.clb.ClbException;
import com.clbsync.clb.EcsEniLookup;
import com.clbsync.clb.EniLookup;
import com.clbsync.clb.Quotas;
import com.clbsync.clb.VServerGroup;
import com.clbsync.clb.VServerGroupApi;
import com.clbsync.config.ClusterConfig;
import com.clbsync.config.SyncConfig;
import com.clbsync.kube.ClusterReadException;
import com.clbsync.kube.ClusterReader;
import com.clbsync.model.ClusterSnapshot;
import com.clbsync.model.KubeService;
import com.clbsync.plan.AnnotationException;
import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendDescription;
import com.clbsync.plan.ClusterRecognition;
import com.clbsync.plan.ClusterView;
import com.clbsync.plan.DesiredStateBuilder;
import com.clbsync.plan.Eni;
import com.clbsync.plan.EniIds;
import com.clbsync.plan.GroupPort;
import com.clbsync.plan.LbAnnotations;
import com.clbsync.plan.LbKind;
import com.clbsync.plan.OwnerClaim;
import com.clbsync.plan.OwnerIds;
import com.clbsync.plan.ServiceLbSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A deployment's preflight: the configuration's resolved endpoints, then one harmless read per
 * dependency, each reported with OK or the failure and its fix: every cluster ({@code list nodes?limit=1},
 * which proves the address, the CA, the credentials and the RBAC; then a read for the groups its
 * Services reference), the CLB ({@code DescribeVServerGroups} of every scanned CLB and
 * {@code DescribeVServerGroupAttribute} of every referenced group, which prove the RAM read actions), and
 * the ENI lookup when ENI Services exist ({@code DescribeNetworkInterfaces} of up to 100 of their pod IPs).
 * It never writes.
 */
public final class Preflight {
    private final SyncConfig config;
    private final Map<String, ClusterReader> readers;
    private final VServerGroupApi clb;
    private final EniLookup enis;

    /** @param clb bound to the run's deadline, or null when there are no CLB credentials */
    public Preflight(SyncConfig config, Map<String, ClusterReader> readers, VServerGroupApi clb) {
        this(config, readers, clb, EniLookup.NONE);
    }

    /** @param enis the ENI lookup (ECS), bound to the run's deadline, for clusters with ENI Services */
    public Preflight(SyncConfig config, Map<String, ClusterReader> readers, VServerGroupApi clb, EniLookup enis) {
        this.config = config;
        this.readers = Map.copyOf(readers);
        this.clb = clb;
        this.enis = enis;
    }

    public List<Check> run() {
        List<Check> checks = new ArrayList<>();
        String endpoint = config.resolvedClbEndpoint();
        checks.add(Check.ok("configuration", "valid; network " + config.network().key() + ", SLB endpoint "
                + (endpoint.isEmpty() ? "the SDK's for " + config.region() : endpoint) + ", Log Service endpoint (when a"
                + " trigger names none) " + config.network().logEndpoint(config.region())));
        checks.add(config.access().declared()
                ? Check.ok("access", "Services may use only " + config.access().rules())
                : Check.warned("access", "not set: any namespace of any configured cluster can steer any CLB the credentials"
                + " reach (a Service annotated into another team's group takes a share of it)", "list the load balancers"
                + " clb-sync may write, and from which clusters and namespaces, under access; then scope the RAM policy"
                + " to them (clb-sync policy)"));
        Map<String, String> groups = new TreeMap<>(); // group -> the Service that references it
        List<ClusterView> views = new ArrayList<>();
        for (ClusterConfig c : config.clusters()) {
            if (c.insecureSkipTlsVerify()) {
                checks.add(Check.failed("cluster " + c.name() + ": TLS", "insecureSkipTlsVerify: the API server's certificate"
                        + " is not verified; anyone on the path can read the token and answer for the cluster",
                        "set certificateAuthorityData (the cluster's CA, base64) and remove insecureSkipTlsVerify"));
            }
            cluster(c, readers.get(c.name()), checks).ifPresent(s -> {
                references(c, s, groups);
                views.add(ClusterView.of(c.name(), OwnerIds.of(c.ownerId(), c.name(), s.identity()), s)
                        .withDefaultBackendType(c.backendType()));
            });
        }
        if (clb == null) {
            checks.add(Check.failed("CLB credentials", "none", "set ALIBABA_CLOUD_ACCESS_KEY_ID and"
                    + " ALIBABA_CLOUD_ACCESS_KEY_SECRET (in Function Compute: give the function its RAM role)"));
            return checks;
        }
        for (String lb : config.loadBalancerIds()) {
            String name = "CLB " + lb + ": DescribeVServerGroups";
            try {
                checks.add(Check.ok(name, clb.groupsOf(lb).size() + " vServer groups"));
            } catch (ClbException e) {
                checks.add(clbFailure(name, e, "loadBalancerIds names a CLB that does not exist in " + config.region()));
            }
        }
        List<String> podIps = new ArrayList<>(DesiredStateBuilder.eniAddresses(views, config.access()));
        EniIds found = EniIds.none();
        if (!podIps.isEmpty()) {
            List<String> some = podIps.subList(0, Math.min(EcsEniLookup.MAX_IPS, podIps.size()));
            String name = "ECS DescribeNetworkInterfaces (the ENIs of ENI Services' pods)";
            try {
                Map<String, List<Eni>> byIp = enis.enis(some);
                found = EniIds.of(byIp);
                checks.add(Check.ok(name, byIp.size() + " of " + some.size() + " pod IPs asked have an ENI in use"));
            } catch (ClbException e) {
                checks.add(Check.failed(name, e.getMessage(), e.missingPermission()
                        ? "RAM: grant ecs:DescribeNetworkInterfaces to the role or user (src/deploy/ram-policy.json)"
                        : "the ECS endpoint " + (config.resolvedEcsEndpoint().isEmpty() ? "(the SDK's for " + config.region() + ")"
                        : config.resolvedEcsEndpoint()) + " must answer; set ecs.endpoint or network; until this passes,"
                        + " ENI Services are frozen"));
            }
        }
        Map<String, List<Backend>> described = new TreeMap<>();
        Map<String, VServerGroup> healthOn = new TreeMap<>(); // a described CLB group per CLB: its health check, once
        groups.forEach((group, service) -> {
            String name = LbKind.ofGroup(group) == LbKind.NLB ? "server group " + group + " (" + service + "): ListServerGroups,"
                    + " ListServerGroupServers" : "group " + group + " (" + service + "): DescribeVServerGroupAttribute";
            try {
                VServerGroup g = clb.describe(group);
                described.put(group, g.backends().stream().filter(b -> BackendDescription.ownerOf(b.description())
                        .filter(config.retiredOwnerIds()::contains).isEmpty()).collect(Collectors.toList()));
                if (g.kind() == LbKind.CLB && !g.loadBalancerId().isEmpty()) {
                    healthOn.putIfAbsent(g.loadBalancerId(), g);
                }
                checks.add(Check.ok(name, "of " + g.kind().label() + " " + String.join(", ", g.loadBalancerIds())));
            } catch (ClbException e) {
                checks.add(clbFailure(name, e, "the vgroup-port annotation of " + service + " names a group that does not"
                        + " exist in " + config.region()));
            }
        });
        if (config.ramp().isOn() && config.ramp().healthGate()) {
            healthOn.forEach((lb, g) -> {
                String name = "CLB " + lb + ": DescribeHealthStatus (the ramp's health gate)";
                try {
                    checks.add(Check.ok(name, clb.health(g).size() + " backends in its health check"));
                } catch (ClbException e) {
                    checks.add(clbFailure(name, e, "the CLB " + lb + " does not exist in " + config.region()));
                }
            });
        }
        for (ClusterConfig c : config.clusters()) {
            for (ClusterView v : views) {
                if (v.name().equals(c.name())) {
                    checks.add(recognition(c, v, found, described));
                }
            }
        }
        return checks;
    }

    /**
     * Which cluster answered (its identity, to pin) and whether it is the one whose backends the entry
     * owns in the groups described, as every run judges it.
     */
    private static Check recognition(ClusterConfig c, ClusterView v, EniIds enis, Map<String, List<Backend>> groups) {
        String identity = v.snapshot().identity();
        String name = "cluster " + c.name() + ": identity";
        OwnerClaim claim = OwnerClaim.of(c.name(), c.ownerId(), identity, OwnerClaim.serversOf(v.snapshot(), enis));
        Optional<String> refusal = ClusterRecognition.refusal(claim, identity, c.identity(), groups);
        String found = "kube-system UID " + identity + ", owner id " + v.ownerId();
        if (refusal.isPresent()) {
            return Check.failed(name, found + "; " + refusal.get(), "point the entry at the right API server (address,"
                    + " kubeconfig context), or pin it (identity: " + identity + ") if this is the right cluster");
        }
        return c.identity().isPresent() ? Check.ok(name, found + ", as pinned")
                : Check.ok(name, found + " (pin it with identity: " + identity + " to make every run certain of it)");
    }

    /** Whether every check passed. */
    public static boolean allPassed(List<Check> checks) {
        return checks.stream().allMatch(Check::ok);
    }

    private static Optional<ClusterSnapshot> cluster(ClusterConfig c, ClusterReader reader, List<Check> checks) {
        String where = c.server().orElse("its kubeconfig's server");
        try {
            reader.probe();
            checks.add(Check.ok("cluster " + c.name() + ": list nodes?limit=1", "answered at " + where));
            ClusterSnapshot s = reader.read();
            checks.add(Check.ok("cluster " + c.name() + ": list services, endpointslices, nodes; get namespace kube-system",
                    s.services().size() + " services, " + s.slices().size() + " endpoint slices, " + s.nodes().size()
                    + " nodes; kube-system UID " + s.identity()));
            return Optional.of(s);
        } catch (ClusterReadException e) {
            checks.add(Check.failed("cluster " + c.name() + ": list", e.getMessage(), fix(e.kind(), c, where)));
            return Optional.empty();
        }
    }

    private static String fix(ClusterReadException.Kind kind, ClusterConfig c, String where) {
        switch (kind) {
            case UNAUTHORIZED:
                return "the token is not accepted: read it again (kubectl -n kube-system get secret clb-sync-token"
                        + " -o jsonpath='{.data.token}' | base64 -d) into clusters[" + c.name() + "]";
            case FORBIDDEN:
                return "RBAC: the identity may not read; kubectl apply -f src/deploy/rbac.yaml (list services,"
                        + " endpointslices, nodes; get namespaces/kube-system)";
            case TLS:
                return "TLS: the API server's certificate does not verify; set certificateAuthorityData to the"
                        + " cluster's CA (base64 PEM, as in its kubeconfig)";
            case ACK_FORBIDDEN:
                return "RAM: grant cs:DescribeClusterUserKubeconfig to the role or user (src/deploy/ram-policy.json),"
                        + " and authorise it in the cluster with the clb-sync ClusterRole (README, Deploying)";
            case UNREACHABLE:
                return "cannot reach " + where + ": use the API server's private address, run in its VPC (s.yaml"
                        + " vpcConfig) and open port 6443 to the function's security group";
            default:
                return "see the message; the cluster is frozen by every run until this passes";
        }
    }

    /** The groups the cluster's Services reference, each with one of them; those access refuses are left out. */
    private void references(ClusterConfig c, ClusterSnapshot s, Map<String, String> groups) {
        for (KubeService svc : s.services()) {
            try {
                Optional<ServiceLbSpec> spec = LbAnnotations.parse(svc, c.backendType());
                if (spec.isPresent() && config.access().refusal(c.name(), svc.namespace(), spec.get().loadBalancerId()).isEmpty()) {
                    for (GroupPort gp : spec.get().groups()) {
                        groups.putIfAbsent(gp.groupId(), c.name() + "/" + svc.id());
                    }
                }
            } catch (AnnotationException e) {
                // a bad annotation freezes its Service at run time and is reported there
            }
        }
    }

    private Check clbFailure(String name, ClbException e, String missing) {
        String endpoint = config.resolvedClbEndpoint().isEmpty() ? "the SDK's endpoint for " + config.region()
                : config.resolvedClbEndpoint();
        if (e.groupNotFound()) {
            return Check.failed(name, e.getMessage(), missing);
        }
        if (e.missingPermission()) {
            return Check.failed(name, e.getMessage(), "RAM: grant " + (Quotas.NLB_ACTIONS.contains(e.action()) ? "nlb:" : "slb:")
                    + e.action() + " to the role or user (src/deploy/ram-policy.json)");
        }
        if (e.code().equals(ClbException.NO_RESPONSE)) {
            return Check.failed(name, e.getMessage(), "cannot reach " + endpoint + (config.network().key().equals("vpc")
                    ? "" : ": in a VPC without internet access set network: vpc (slb-vpc." + config.region() + ".aliyuncs.com)"));
        }
        if (e.code().startsWith("InvalidAccessKeyId") || e.code().startsWith("SignatureDoesNotMatch")
                || e.code().startsWith("InvalidSecurityToken")) {
            return Check.failed(name, e.getMessage(), "credentials: the AccessKey or STS token is not accepted");
        }
        if (e.code().contains("LoadBalancerId")) {
            return Check.failed(name, e.getMessage(), missing);
        }
        return Check.failed(name, e.getMessage(), "see the message");
    }
}
