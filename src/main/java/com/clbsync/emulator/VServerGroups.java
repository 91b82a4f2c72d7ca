package com.clbsync.emulator;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The emulator's CLBs and vServer groups, and the documented behaviour of the group actions: describe,
 * list, add (a backend already there is refused, as is one past the group's limit), remove (an absent
 * backend is ignored) and set (weights and descriptions of backends already there). Not thread-safe:
 * the emulator calls it under its own lock.
 */
final class VServerGroups {
    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, List<String>> groupsByLb = new TreeMap<>();
    /** The health check's word for a backend; {@code normal} unless a test sets another. */
    private final Map<BackendKey, String> health = new java.util.HashMap<>();

    void health(BackendKey key, String status) {
        health.put(key, status);
    }

    void createLoadBalancer(String loadBalancerId) {
        groupsByLb.computeIfAbsent(loadBalancerId, k -> new ArrayList<>());
    }

    void create(String loadBalancerId, String groupId, String name) {
        createLoadBalancer(loadBalancerId);
        groups.put(groupId, new Group(groupId, name, loadBalancerId));
        groupsByLb.get(loadBalancerId).add(groupId);
    }

    Group group(String groupId) {
        Group g = groups.get(groupId);
        if (g == null) {
            throw new IllegalArgumentException("no group " + groupId);
        }
        return g;
    }

    /** The answer to a group action, or its documented error. */
    JsonObject answer(String action, Map<String, String> p) throws ApiError {
        switch (action) {
            case "DescribeVServerGroupAttribute":
                return describe(groupOf(p));
            case "DescribeVServerGroups":
                return listGroups(p.getOrDefault("LoadBalancerId", ""));
            case "DescribeHealthStatus":
                return healthOf(p.getOrDefault("LoadBalancerId", ""));
            case "AddVServerGroupBackendServers":
                return add(groupOf(p), BackendServersParam.parse(p, true));
            case "RemoveVServerGroupBackendServers":
                return remove(groupOf(p), BackendServersParam.parse(p, false));
            case "SetVServerGroupAttribute":
                return set(groupOf(p), BackendServersParam.parse(p, true));
            default:
                throw new ApiError(404, "InvalidAction.NotFound", "Specified api is not found: " + action);
        }
    }

    private Group groupOf(Map<String, String> p) throws ApiError {
        Group g = groups.get(p.getOrDefault("VServerGroupId", ""));
        if (g == null) {
            throw new ApiError(404, "InvalidParameter", ClbEmulator.NO_SUCH_GROUP);
        }
        return g;
    }

    private JsonObject describe(Group g) {
        JsonObject o = new JsonObject();
        o.addProperty("VServerGroupId", g.id);
        o.addProperty("VServerGroupName", g.name);
        o.addProperty("LoadBalancerId", g.lbId);
        JsonArray list = new JsonArray();
        for (Backend b : g.backends.values()) {
            JsonObject j = new JsonObject();
            j.addProperty("ServerId", b.serverId());
            j.addProperty("Port", b.port());
            j.addProperty("Weight", b.weight());
            j.addProperty("Type", WireTypes.wire(b.type()));
            j.addProperty("Description", b.description());
            if (!b.serverIp().isEmpty()) {
                j.addProperty("ServerIp", b.serverIp());
            }
            list.add(j);
        }
        g.rawRows.forEach(list::add);
        JsonObject wrap = new JsonObject();
        wrap.add("BackendServer", list);
        o.add("BackendServers", wrap);
        return o;
    }

    private JsonObject listGroups(String lbId) throws ApiError {
        List<String> ids = groupIdsOf(lbId);
        JsonArray list = new JsonArray();
        for (String id : ids) {
            JsonObject j = new JsonObject();
            j.addProperty("VServerGroupId", id);
            j.addProperty("VServerGroupName", groups.get(id).name);
            list.add(j);
        }
        JsonObject wrap = new JsonObject();
        wrap.add("VServerGroup", list);
        JsonObject o = new JsonObject();
        o.add("VServerGroups", wrap);
        return o;
    }

    /** The groups of a CLB, or the documented error for a CLB that does not exist. */
    private List<String> groupIdsOf(String lbId) throws ApiError {
        List<String> ids = groupsByLb.get(lbId);
        if (ids == null) {
            throw new ApiError(404, "InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist.");
        }
        return ids;
    }

    /** Every backend of the CLB's groups with its health check state, on one listener port per group. */
    private JsonObject healthOf(String lbId) throws ApiError {
        List<String> ids = groupIdsOf(lbId);
        JsonArray list = new JsonArray();
        int listener = 80;
        for (String id : ids) {
            for (Backend b : groups.get(id).backends.values()) {
                JsonObject j = new JsonObject();
                j.addProperty("ListenerPort", listener);
                j.addProperty("Protocol", "tcp");
                j.addProperty("ServerId", b.serverId());
                j.addProperty("Port", b.port());
                if (!b.serverIp().isEmpty()) {
                    j.addProperty("ServerIp", b.serverIp());
                }
                j.addProperty("ServerHealthStatus", health.getOrDefault(b.key(), "normal"));
                list.add(j);
            }
            listener++;
        }
        JsonObject wrap = new JsonObject();
        wrap.add("BackendServer", list);
        JsonObject o = new JsonObject();
        o.add("BackendServers", wrap);
        return o;
    }

    private JsonObject add(Group g, List<Backend> servers) throws ApiError {
        for (Backend b : servers) {
            if (g.backends.containsKey(b.key())) {
                throw new ApiError(400, "InvalidParameter", "The resource already exists.");
            }
        }
        if (g.backends.size() + servers.size() > g.limit) {
            throw new ApiError(400, "InstanceBackendServerNumberOverLimit", "The number of backend servers exceeds the limit.");
        }
        servers.forEach(b -> g.backends.put(b.key(), b));
        return ok(g);
    }

    private JsonObject remove(Group g, List<Backend> servers) {
        servers.forEach(b -> g.backends.remove(b.key())); // an absent backend is ignored, as documented
        return ok(g);
    }

    private JsonObject set(Group g, List<Backend> servers) throws ApiError {
        requireExisting(g, servers);
        servers.forEach(b -> g.backends.put(b.key(), b));
        return ok(g);
    }

    private static void requireExisting(Group g, List<Backend> servers) throws ApiError {
        for (Backend b : servers) {
            if (!g.backends.containsKey(b.key())) {
                // undocumented: the client must not rely on this answer, only on a describe
                throw new ApiError(400, "InvalidParameter", "The backend server " + b.key() + " is not in the vServer group.");
            }
        }
    }

    private static JsonObject ok(Group g) {
        JsonObject o = new JsonObject();
        o.addProperty("VServerGroupId", g.id);
        return o;
    }

    static final class Group {
        final String id;
        final String name;
        final String lbId;
        final Map<BackendKey, Backend> backends = new LinkedHashMap<>();
        final List<JsonObject> rawRows = new ArrayList<>();
        int limit = Integer.MAX_VALUE;

        Group(String id, String name, String lbId) {
            this.id = id;
            this.name = name;
            this.lbId = lbId;
        }
    }
}
