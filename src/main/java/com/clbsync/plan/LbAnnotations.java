package com.clbsync.plan;

import com.clbsync.model.KubeService;
import com.clbsync.model.ServicePort;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the CCM's load-balancer annotations of a Service (current prefix, or the old
 * {@code alicloud-} one) into a {@link ServiceLbSpec}, naming the annotation at fault when one is bad.
 */
public final class LbAnnotations {
    public static final String PREFIX = "service.beta.kubernetes.io/alibaba-cloud-loadbalancer-";
    public static final String OLD_PREFIX = "service.beta.kubernetes.io/alicloud-loadbalancer-";
    public static final String BACKEND_TYPE = "service.beta.kubernetes.io/backend-type";
    public static final String ID = "id";
    public static final String VGROUP_PORT = "vgroup-port";
    public static final String WEIGHT = "weight";
    public static final String DEFAULT_WEIGHT = "default-weight";
    public static final String IGNORE_WEIGHT_UPDATE = "ignore-weight-update";
    public static final String BACKEND_LABEL = "backend-label";
    public static final String REMOVE_UNSCHEDULED = "remove-unscheduled-backend";

    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    private LbAnnotations() {
    }

    /**
     * The Service's request, or empty when it maps no vServer group (no {@code vgroup-port}): such a
     * Service is not clb-sync's business.
     */
    public static Optional<ServiceLbSpec> parse(KubeService service) throws AnnotationException {
        return parse(service, BackendType.ECS);
    }

    /**
     * The Service's request, its backend type {@code clusterDefault} unless {@code backend-type} says
     * otherwise (a Terway cluster whose CCM treats Services without it as ENI).
     */
    public static Optional<ServiceLbSpec> parse(KubeService service, BackendType clusterDefault) throws AnnotationException {
        Map<String, String> a = service.annotations();
        Optional<Entry> mapping = find(a, VGROUP_PORT);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Entry id = find(a, ID).orElseThrow(() -> new AnnotationException(PREFIX + ID,
                "missing; " + mapping.get().key + " is honoured only together with it"));
        if (id.value.isEmpty()) {
            throw new AnnotationException(id.key, "empty");
        }
        ServiceLbSpec.Builder spec = ServiceLbSpec.builder(id.value)
                .groups(groups(mapping.get(), service))
                .weight(optionalWeight(a, WEIGHT))
                .defaultWeight(Optional.ofNullable(optionalWeight(a, DEFAULT_WEIGHT)).orElse(100))
                .ignoreWeightUpdate(onOff(a, IGNORE_WEIGHT_UPDATE))
                .backendLabels(labels(a))
                .removeUnscheduled(onOff(a, REMOVE_UNSCHEDULED))
                .backendType(backendType(a, clusterDefault));
        ServiceLbSpec built = spec.build();
        kindOf(id, built, service);
        if (built.backendType() == BackendType.ECS) {
            for (GroupPort g : built.groups()) {
                ServicePort port = portOf(service, g.servicePort());
                if (port.nodePort() == null) {
                    throw new AnnotationException("spec.ports[port=" + g.servicePort() + "].nodePort",
                            "missing; ECS backends need a node port (Service type NodePort or LoadBalancer)");
                }
            }
        }
        return Optional.of(built);
    }

    /** The class the CCM gives Services it balances on an NLB. */
    public static final String NLB_CLASS = "alibabacloud.com/nlb";

    /**
     * One kind of load balancer per Service: an {@code nlb-} id maps {@code sgp-} server groups, any other
     * id vServer groups (not {@code sgp-}); {@code spec.loadBalancerClass: alibabacloud.com/nlb} asks for an NLB id.
     */
    private static void kindOf(Entry id, ServiceLbSpec spec, KubeService service) throws AnnotationException {
        LbKind kind = LbKind.ofLoadBalancer(id.value);
        for (GroupPort g : spec.groups()) {
            if (LbKind.ofGroup(g.groupId()) != kind) {
                LbKind group = LbKind.ofGroup(g.groupId());
                throw new AnnotationException(PREFIX + VGROUP_PORT, "\"" + g.groupId() + "\" is " + group.withArticle() + " "
                        + group.groupWord() + ", but the load balancer " + id.value + " is " + kind.withArticle()
                        + "; one kind per Service");
            }
        }
        if (service.loadBalancerClass().equals(NLB_CLASS) && kind != LbKind.NLB) {
            throw new AnnotationException("spec.loadBalancerClass", NLB_CLASS + " asks for an NLB, but " + id.key + " is "
                    + id.value + ", a CLB");
        }
    }

    /** The Service port that a group maps to; the parse already guarantees it exists. */
    public static ServicePort portOf(KubeService service, int port) {
        return service.ports().stream().filter(p -> p.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(service + " has no port " + port));
    }

    private static List<GroupPort> groups(Entry e, KubeService service) throws AnnotationException {
        List<GroupPort> groups = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : e.value.split(",", -1)) {
            String pair = raw.trim();
            int colon = pair.indexOf(':');
            if (colon < 0) {
                throw new AnnotationException(e.key, "\"" + pair + "\": vgroupid and protocol format must be like 'vsp-xxx:443'");
            }
            String group = pair.substring(0, colon).trim();
            String portText = pair.substring(colon + 1).trim();
            if (!GROUP_ID.matcher(group).matches()) {
                throw new AnnotationException(e.key, "\"" + pair + "\": \"" + group + "\" is not a vServer group id");
            }
            int port = parseInt(portText, 1, 65535).orElseThrow(() -> new AnnotationException(e.key,
                    "\"" + pair + "\": port \"" + portText + "\" is not a number 1..65535"));
            if (service.ports().stream().noneMatch(p -> p.port() == port)) {
                throw new AnnotationException(e.key, "\"" + pair + "\": the Service has no port " + port
                        + " (spec.ports[].port)");
            }
            if (!seen.add(group)) {
                throw new AnnotationException(e.key, "vServer group " + group + " is mapped more than once");
            }
            groups.add(GroupPort.of(group, port));
        }
        return groups;
    }

    private static Integer optionalWeight(Map<String, String> a, String suffix) throws AnnotationException {
        Optional<Entry> e = find(a, suffix);
        if (e.isEmpty()) {
            return null;
        }
        return parseInt(e.get().value, 0, 100).orElseThrow(() -> new AnnotationException(e.get().key,
                "\"" + e.get().value + "\" is not an integer 0..100"));
    }

    private static boolean onOff(Map<String, String> a, String suffix) throws AnnotationException {
        Optional<Entry> e = find(a, suffix);
        if (e.isEmpty() || e.get().value.equalsIgnoreCase("off")) {
            return false;
        }
        if (e.get().value.equalsIgnoreCase("on")) {
            return true;
        }
        throw new AnnotationException(e.get().key, "\"" + e.get().value + "\" must be \"on\" or \"off\"");
    }

    private static Map<String, String> labels(Map<String, String> a) throws AnnotationException {
        Optional<Entry> e = find(a, BACKEND_LABEL);
        Map<String, String> labels = new LinkedHashMap<>();
        if (e.isEmpty() || e.get().value.isEmpty()) {
            return labels;
        }
        for (String raw : e.get().value.split(",")) {
            String[] kv = raw.trim().split("=", 2);
            if (kv.length != 2 || kv[0].trim().isEmpty()) {
                throw new AnnotationException(e.get().key, "\"" + raw.trim() + "\" must be like 'key=value'");
            }
            labels.put(kv[0].trim(), kv[1].trim());
        }
        return labels;
    }

    private static BackendType backendType(Map<String, String> a, BackendType clusterDefault) throws AnnotationException {
        String raw = a.getOrDefault(BACKEND_TYPE, clusterDefault.key());
        Optional<BackendType> type = BackendType.parse(raw).filter(t -> t != BackendType.ECI);
        if (type.isEmpty()) {
            throw new AnnotationException(BACKEND_TYPE, "\"" + raw.trim() + "\" must be \"ecs\" or \"eni\"");
        }
        return type.get();
    }

    private static Optional<Integer> parseInt(String text, int min, int max) {
        if (!text.matches("\\d{1,6}")) {
            return Optional.empty();
        }
        int v = Integer.parseInt(text);
        return v < min || v > max ? Optional.empty() : Optional.of(v);
    }

    /** The annotation under the current prefix, else under the old one; values trimmed. */
    private static Optional<Entry> find(Map<String, String> a, String suffix) {
        for (String prefix : List.of(PREFIX, OLD_PREFIX)) {
            String v = a.get(prefix + suffix);
            if (v != null) {
                return Optional.of(new Entry(prefix + suffix, v.trim()));
            }
        }
        return Optional.empty();
    }

    private static final class Entry {
        final String key;
        final String value;

        Entry(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }
}
