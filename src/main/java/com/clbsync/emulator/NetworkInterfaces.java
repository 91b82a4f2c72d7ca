package com.clbsync.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The ECS side of the emulator: elastic network interfaces in use with their private IPs, answering
 * {@code DescribeNetworkInterfaces} filtered by {@code PrivateIpAddress.N} (at most 100) and paged by
 * {@code MaxResults}/{@code NextToken}. Not thread-safe: the emulator calls it under its lock.
 */
final class NetworkInterfaces {
    static final int MAX_IPS = 100;
    private final Map<String, List<String>> ipsByEni = new TreeMap<>();
    private final Map<String, String> instanceOfEni = new TreeMap<>();

    /** An ENI in use attached to {@code instanceId}, holding these IPs (the first is its primary address). */
    void put(String eniId, String instanceId, List<String> ips) {
        ipsByEni.put(eniId, List.copyOf(ips));
        instanceOfEni.put(eniId, instanceId);
    }

    void remove(String eniId) {
        ipsByEni.remove(eniId);
        instanceOfEni.remove(eniId);
    }

    JsonObject describe(Map<String, String> p) throws ApiError {
        Set<String> asked = new TreeSet<>();
        p.forEach((k, v) -> {
            if (k.startsWith("PrivateIpAddress.")) {
                asked.add(v);
            }
        });
        if (asked.size() > MAX_IPS) {
            throw new ApiError(400, "InvalidParameter.PrivateIpAddress", "The number of PrivateIpAddress exceeds 100.");
        }
        boolean inUse = "InUse".equals(p.getOrDefault("Status", "InUse")); // every ENI here is in use
        List<String> matching = new ArrayList<>();
        ipsByEni.forEach((eni, ips) -> {
            if (inUse && (asked.isEmpty() || ips.stream().anyMatch(asked::contains))) {
                matching.add(eni);
            }
        });
        int max = Integer.parseInt(p.getOrDefault("MaxResults", "10"));
        int from = p.getOrDefault("NextToken", "").isEmpty() ? 0 : Integer.parseInt(p.get("NextToken"));
        int to = Math.min(matching.size(), from + max);
        JsonArray set = new JsonArray();
        for (String eni : matching.subList(from, to)) {
            JsonObject o = new JsonObject();
            o.addProperty("NetworkInterfaceId", eni);
            o.addProperty("Status", "InUse");
            o.addProperty("Type", "Secondary");
            o.addProperty("InstanceId", instanceOfEni.get(eni));
            List<String> ips = ipsByEni.get(eni);
            o.addProperty("PrivateIpAddress", ips.get(0));
            JsonArray privateIps = new JsonArray();
            for (int i = 0; i < ips.size(); i++) {
                JsonObject ip = new JsonObject();
                ip.addProperty("PrivateIpAddress", ips.get(i));
                ip.addProperty("Primary", i == 0);
                privateIps.add(ip);
            }
            JsonObject sets = new JsonObject();
            sets.add("PrivateIpSet", privateIps);
            o.add("PrivateIpSets", sets);
            set.add(o);
        }
        JsonObject sets = new JsonObject();
        sets.add("NetworkInterfaceSet", set);
        JsonObject body = new JsonObject();
        body.add("NetworkInterfaceSets", sets);
        body.addProperty("TotalCount", matching.size());
        body.addProperty("NextToken", to < matching.size() ? Integer.toString(to) : "");
        return body;
    }
}
