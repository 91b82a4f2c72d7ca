package com.clbsync.bench;

import com.clbsync.testing.BenchApiServer;

import java.util.Locale;

/**
 * The objects of {@link EventStormBenchmark}'s clusters, as JSON the way a real API server serves them:
 * Nodes of about 10 KB (labels, annotations, conditions, addresses, node info, 25 images), Services
 * with their last-applied annotation, EndpointSlices of three pods. The first {@code GROUPS} Services of
 * each cluster map the shared groups (Local policy; weight 30 in cluster 0, 70 in cluster 1).
 */
final class BenchObjects {
    private BenchObjects() {
    }

    /** Fills a cluster's server; returns the bytes of JSON stored. */
    static long fill(BenchApiServer s, int cluster) {
        long bytes = 0;
        for (int n = 0; n < EventStormBenchmark.NODES; n++) {
            String json = node(cluster, n);
            s.put("nodes", nodeName(cluster, n), json, null);
            bytes += json.length();
        }
        for (int i = 0; i < EventStormBenchmark.SERVICES; i++) {
            String svc = service(cluster, i, cluster == 0 ? 30 : 70);
            String slice = slice(cluster, i, 0);
            s.put("services", namespace(i) + "/" + serviceName(i), svc, null);
            s.put("endpointslices", namespace(i) + "/" + sliceName(i), slice, namespace(i) + "/" + serviceName(i));
            bytes += svc.length() + slice.length();
        }
        return bytes;
    }

    /** The Service's pods moved {@code shift} nodes further (a rollout, a reschedule). */
    static void moveSlice(BenchApiServer s, int cluster, int i, int shift) {
        s.put("endpointslices", namespace(i) + "/" + sliceName(i), slice(cluster, i, shift), namespace(i) + "/" + serviceName(i));
    }

    static String nodeName(int cluster, int n) {
        return String.format("cn-hangzhou.10.%d.%d.%d", cluster, n / 250, n % 250);
    }

    static String namespace(int i) {
        return String.format("ns-%02d", i / 100);
    }

    static String serviceName(int i) {
        return String.format("svc-%04d", i);
    }

    static String sliceName(int i) {
        return serviceName(i) + "-x7k2p";
    }

    static String node(int cluster, int n) {
        String name = nodeName(cluster, n);
        StringBuilder images = new StringBuilder();
        for (int k = 0; k < 25; k++) {
            String repo = "registry-vpc.cn-hangzhou.aliyuncs.com/acs/component-" + k;
            images.append(k == 0 ? "" : ",").append("{\"names\":[\"").append(repo).append("@sha256:")
                    .append(String.format("%064x", (long) k * 7919 + n)).append("\",\"").append(repo).append(":v1.").append(k)
                    .append(".3-aliyun.1\"],\"sizeBytes\":").append(10_000_000L + k * 1_234_567L).append('}');
        }
        return "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"" + name + "\",\"uid\":\"" + uid(cluster, n, 1)
                + "\",\"resourceVersion\":\"" + (100000 + n) + "\",\"creationTimestamp\":\"2026-01-01T00:00:00Z\",\"labels\":{"
                + "\"beta.kubernetes.io/arch\":\"amd64\",\"beta.kubernetes.io/instance-type\":\"ecs.g7.2xlarge\","
                + "\"beta.kubernetes.io/os\":\"linux\",\"failure-domain.beta.kubernetes.io/region\":\"cn-hangzhou\","
                + "\"failure-domain.beta.kubernetes.io/zone\":\"cn-hangzhou-h\",\"kubernetes.io/arch\":\"amd64\","
                + "\"kubernetes.io/hostname\":\"" + name + "\",\"kubernetes.io/os\":\"linux\","
                + "\"node.kubernetes.io/instance-type\":\"ecs.g7.2xlarge\",\"topology.kubernetes.io/region\":\"cn-hangzhou\","
                + "\"topology.kubernetes.io/zone\":\"cn-hangzhou-h\",\"alibabacloud.com/nodepool-id\":\"np0123456789abcdef\","
                + "\"ack.aliyun.com\":\"c0123456789abcdef\",\"node.csi.alibabacloud.com/disktype.cloud_essd\":\"available\","
                + "\"alibabacloud.com/capacity-type\":\"ON_DEMAND\",\"alibabacloud.com/charge-type\":\"PostPaid\"},"
                + "\"annotations\":{\"node.alpha.kubernetes.io/ttl\":\"0\",\"volumes.kubernetes.io/controller-managed-attach-detach\":\"true\","
                + "\"csi.volume.kubernetes.io/nodeid\":\"{\\\"diskplugin.csi.alibabacloud.com\\\":\\\"i-bench" + cluster + n
                + "\\\",\\\"nasplugin.csi.alibabacloud.com\\\":\\\"i-bench" + cluster + n + "\\\"}\","
                + "\"flannel.alpha.coreos.com/backend-data\":\"null\",\"flannel.alpha.coreos.com/backend-type\":\"alloc\","
                + "\"flannel.alpha.coreos.com/kube-subnet-manager\":\"true\",\"flannel.alpha.coreos.com/public-ip\":\"10." + cluster
                + "." + n / 250 + "." + n % 250 + "\"}},"
                + "\"spec\":{\"podCIDR\":\"172.20." + n % 250 + ".0/25\",\"podCIDRs\":[\"172.20." + n % 250 + ".0/25\"],"
                + "\"providerID\":\"cn-hangzhou." + instance(cluster, n) + "\"},"
                + "\"status\":{\"capacity\":{\"cpu\":\"8\",\"ephemeral-storage\":\"123722704Ki\",\"hugepages-1Gi\":\"0\","
                + "\"hugepages-2Mi\":\"0\",\"memory\":\"32068564Ki\",\"pods\":\"64\"},\"allocatable\":{\"cpu\":\"7800m\","
                + "\"ephemeral-storage\":\"114022843818\",\"hugepages-1Gi\":\"0\",\"hugepages-2Mi\":\"0\",\"memory\":\"28587988Ki\","
                + "\"pods\":\"64\"},\"conditions\":[" + condition("MemoryPressure", "False", "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available") + "," + condition("DiskPressure", "False", "KubeletHasNoDiskPressure",
                "kubelet has no disk pressure") + "," + condition("PIDPressure", "False", "KubeletHasSufficientPID",
                "kubelet has sufficient PID available") + "," + condition("Ready", "True", "KubeletReady",
                "kubelet is posting ready status") + "," + condition("NetworkUnavailable", "False", "RouteCreated",
                "RouteController created a route") + "],\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"10." + cluster + "."
                + n / 250 + "." + n % 250 + "\"},{\"type\":\"Hostname\",\"address\":\"" + name + "\"}],"
                + "\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":10250}},\"nodeInfo\":{\"machineID\":\"" + uid(cluster, n, 2)
                + "\",\"systemUUID\":\"" + uid(cluster, n, 3) + "\",\"bootID\":\"" + uid(cluster, n, 4) + "\","
                + "\"kernelVersion\":\"5.10.134-16.3.al8.x86_64\",\"osImage\":\"Alibaba Cloud Linux 3.2104 U10 (OpenAnolis Edition)\","
                + "\"containerRuntimeVersion\":\"containerd://1.6.28\",\"kubeletVersion\":\"v1.30.1-aliyun.1\","
                + "\"kubeProxyVersion\":\"v1.30.1-aliyun.1\",\"operatingSystem\":\"linux\",\"architecture\":\"amd64\"},"
                + "\"images\":[" + images + "]}}";
    }

    private static String condition(String type, String status, String reason, String message) {
        return "{\"type\":\"" + type + "\",\"status\":\"" + status + "\",\"lastHeartbeatTime\":\"2026-11-27T00:00:00Z\","
                + "\"lastTransitionTime\":\"2026-01-01T00:00:00Z\",\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}";
    }

    static String instance(int cluster, int n) {
        return String.format("i-bench%d%010d", cluster, n);
    }

    private static String uid(int cluster, int n, int k) {
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-8%03x-%012x", n, cluster, k, n % 4096, (long) n * 31 + k);
    }

    /** Service {@code i} of the cluster; the first GROUPS map the shared groups with this weight. */
    static String service(int cluster, int i, int weight) {
        boolean mapped = i < EventStormBenchmark.GROUPS;
        String name = serviceName(i);
        String ns = namespace(i);
        String lb = mapped ? ",\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-id\":\"" + EventStormBenchmark.LB + "\","
                + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-vgroup-port\":\"" + EventStormBenchmark.group(i) + ":80\","
                + "\"service.beta.kubernetes.io/alibaba-cloud-loadbalancer-weight\":\"" + weight + "\"" : "";
        String lastApplied = "{\\\"apiVersion\\\":\\\"v1\\\",\\\"kind\\\":\\\"Service\\\",\\\"metadata\\\":{\\\"annotations\\\":{},"
                + "\\\"labels\\\":{\\\"app\\\":\\\"" + name + "\\\"},\\\"name\\\":\\\"" + name + "\\\",\\\"namespace\\\":\\\"" + ns
                + "\\\"},\\\"spec\\\":{\\\"ports\\\":[{\\\"name\\\":\\\"http\\\",\\\"port\\\":80,\\\"protocol\\\":\\\"TCP\\\","
                + "\\\"targetPort\\\":8080}],\\\"selector\\\":{\\\"app\\\":\\\"" + name + "\\\"},\\\"type\\\":\\\"ClusterIP\\\"}}\\n";
        return "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns
                + "\",\"uid\":\"" + uid(cluster, i, 9) + "\",\"resourceVersion\":\"" + (200000 + i) + "\","
                + "\"creationTimestamp\":\"2026-01-01T00:00:00Z\",\"labels\":{\"app\":\"" + name + "\"},\"annotations\":{"
                + "\"kubectl.kubernetes.io/last-applied-configuration\":\"" + lastApplied + "\"" + lb + "}},"
                + "\"spec\":{\"type\":\"" + (mapped ? "NodePort" : "ClusterIP") + "\",\"clusterIP\":\"192.168." + i / 250 + "."
                + i % 250 + "\",\"clusterIPs\":[\"192.168." + i / 250 + "." + i % 250 + "\"],\"ports\":[{\"name\":\"http\","
                + "\"protocol\":\"TCP\",\"port\":80,\"targetPort\":8080" + (mapped ? ",\"nodePort\":" + (30000 + i) : "") + "}],"
                + "\"selector\":{\"app\":\"" + name + "\"},\"sessionAffinity\":\"None\","
                + (mapped ? "\"externalTrafficPolicy\":\"Local\"," : "") + "\"ipFamilies\":[\"IPv4\"],"
                + "\"ipFamilyPolicy\":\"SingleStack\",\"internalTrafficPolicy\":\"Cluster\"},\"status\":{\"loadBalancer\":{}}}";
    }

    /** Service {@code i}'s slice: three ready pods, on nodes {@code 3i + shift ...}. */
    static String slice(int cluster, int i, int shift) {
        String name = serviceName(i);
        String ns = namespace(i);
        StringBuilder eps = new StringBuilder();
        for (int p = 0; p < 3; p++) {
            int n = (3 * i + p + shift) % EventStormBenchmark.NODES;
            eps.append(p == 0 ? "" : ",").append("{\"addresses\":[\"172.20.").append(n % 250).append('.').append(10 + p + shift % 100)
                    .append("\"],\"conditions\":{\"ready\":true,\"serving\":true,\"terminating\":false},\"nodeName\":\"")
                    .append(nodeName(cluster, n)).append("\",\"zone\":\"cn-hangzhou-h\",\"targetRef\":{\"kind\":\"Pod\",")
                    .append("\"namespace\":\"").append(ns).append("\",\"name\":\"").append(name).append("-7d9f8c6b5-")
                    .append(p + shift).append("\",\"uid\":\"").append(uid(cluster, i * 10 + p, 5 + shift)).append("\"}}");
        }
        return "{\"apiVersion\":\"discovery.k8s.io/v1\",\"kind\":\"EndpointSlice\",\"metadata\":{\"name\":\"" + sliceName(i)
                + "\",\"namespace\":\"" + ns + "\",\"uid\":\"" + uid(cluster, i, 6) + "\",\"resourceVersion\":\""
                + (300000 + i + shift) + "\",\"labels\":{\"kubernetes.io/service-name\":\"" + name + "\","
                + "\"endpointslice.kubernetes.io/managed-by\":\"endpointslice-controller.k8s.io\"}},\"addressType\":\"IPv4\","
                + "\"ports\":[{\"name\":\"http\",\"protocol\":\"TCP\",\"port\":8080}],\"endpoints\":[" + eps + "]}";
    }
}
