package com.clbsync.emulator;

import com.clbsync.plan.Backend;
import com.clbsync.plan.BackendKey;
import com.clbsync.plan.BackendType;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The emulator's NLB server groups, by the NLB API reference's rules and its own constants: servers
 * {@code Ecs}, {@code Eni} and {@code Ip} (the last two with a ServerIp), at most 200 per call and 400 per
 * group, descriptions of 2 to 256 letters, digits and {@code , . ; / @ _ -}. Every write starts a job that
 * runs for {@link #jobTime} and is applied when it ends; while it runs the group answers any other write
 * {@code IncorrectStatus.serverGroup}. A job made to fail ends {@code Failed} and changes nothing.
 */
public final class NlbServerGroups {
    static final Set<String> ACTIONS = Set.of("ListServerGroups", "ListServerGroupServers", "AddServersToServerGroup",
            "RemoveServersFromServerGroup", "UpdateServerGroupServersAttribute", "ListAsynJobs");
    static final int MAX_PER_CALL = 200;
    static final int MAX_PER_GROUP = 400;
    private static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9,.;/@_\\-\\p{IsHan}]{2,256}");
    private static final Set<String> TYPES = Set.of("Ecs", "Eni", "Ip");

    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Set<String> failNext = new HashSet<>();
    private Duration jobTime = Duration.ZERO;

    /** A server group in the VPC, used by these NLBs ({@code RelatedLoadBalancerIds}). */
    public synchronized void createGroup(String groupId, String... relatedLoadBalancerIds) {
        groups.put(groupId, new Group(groupId, List.of(relatedLoadBalancerIds)));
    }

    /** Puts a server straight into a group, as a person in the console would. */
    public synchronized void putServer(String groupId, Backend server) {
        group(groupId).servers.put(server.key(), server);
    }

    /** The servers a group holds now (jobs that ended applied). */
    public synchronized List<Backend> servers(String groupId) {
        settle();
        return List.copyOf(group(groupId).servers.values());
    }

    /** How long each job runs before it ends and its change is applied (default: it ends at once). */
    public synchronized void jobTime(Duration d) {
        jobTime = d;
    }

    /** Another writer's job (the console's, the CCM's) holds the group for {@code d}, changing nothing. */
    public synchronized void startOtherJob(String groupId, Duration d) {
        Job job = new Job("job-other-" + UUID.randomUUID(), groupId, () -> { }, false, System.nanoTime() + d.toNanos());
        jobs.put(job.id, job);
        group(groupId).busy = job.id;
    }

    /** The next job on this group ends {@code Failed}, changing nothing. */
    public synchronized void failNextJob(String groupId) {
        failNext.add(groupId);
    }

    private Group group(String groupId) {
        Group g = groups.get(groupId);
        if (g == null) {
            throw new IllegalArgumentException("no server group " + groupId);
        }
        return g;
    }

    synchronized JsonObject answer(String action, Map<String, String> p) throws ApiError {
        settle();
        switch (action) {
            case "ListServerGroups":
                return listGroups(p);
            case "ListServerGroupServers":
                return listServers(groupOf(p), p);
            case "ListAsynJobs":
                return listJobs(p);
            default:
                return write(action, groupOf(p), servers(p, !action.equals("RemoveServersFromServerGroup")));
        }
    }

    /** Applies every job that has ended. */
    private void settle() {
        long now = System.nanoTime();
        for (Job j : jobs.values()) {
            if (j.status.equals("Processing") && now - j.endsAt >= 0) {
                j.status = j.fails ? "Failed" : "Succeeded";
                if (!j.fails) {
                    j.change.run();
                }
                groups.get(j.groupId).busy = null;
            }
        }
    }

    private Group groupOf(Map<String, String> p) throws ApiError {
        Group g = groups.get(p.getOrDefault("ServerGroupId", ""));
        if (g == null) {
            throw new ApiError(404, "ResourceNotFound.serverGroup", "The specified resource of serverGroup is not found.");
        }
        return g;
    }

    private JsonObject write(String action, Group g, List<Backend> servers) throws ApiError {
        if (g.busy != null) {
            throw new ApiError(400, "IncorrectStatus.serverGroup", "The status of serverGroup is incorrect: job " + g.busy
                    + " is running.");
        }
        Runnable change;
        if (action.equals("AddServersToServerGroup")) {
            for (Backend b : servers) {
                if (g.servers.containsKey(b.key())) {
                    throw new ApiError(400, "IllegalParam.Server", "The server " + b.key() + " is already in the server group.");
                }
            }
            if (g.servers.size() + servers.size() > MAX_PER_GROUP) {
                throw new ApiError(400, "QuotaExceeded.QuotaInsufficient", "A server group holds at most 400 servers.");
            }
            change = () -> servers.forEach(b -> g.servers.put(b.key(), b));
        } else if (action.equals("RemoveServersFromServerGroup")) {
            if (servers.stream().noneMatch(b -> g.servers.containsKey(b.key()))) {
                throw new ApiError(400, "ResourceNotFound.BackendServer", "The specified servers are not in the server group.");
            }
            change = () -> servers.forEach(b -> g.servers.remove(b.key()));
        } else if (action.equals("UpdateServerGroupServersAttribute")) {
            for (Backend b : servers) {
                if (!g.servers.containsKey(b.key())) {
                    throw new ApiError(400, "ResourceNotFound.BackendServer", "The server " + b.key() + " is not in the group.");
                }
            }
            change = () -> servers.forEach(b -> g.servers.put(b.key(), b));
        } else {
            throw new ApiError(404, "InvalidAction.NotFound", "Specified api is not found: " + action);
        }
        Job job = new Job("job-" + UUID.randomUUID(), g.id, change, failNext.remove(g.id), System.nanoTime() + jobTime.toNanos());
        jobs.put(job.id, job);
        g.busy = job.id;
        settle(); // a job of no time ends at once
        JsonObject o = new JsonObject();
        o.addProperty("JobId", job.id);
        o.addProperty("ServerGroupId", g.id);
        return o;
    }

    /** {@code Servers.N.*}, read by the API reference's rules. */
    private static List<Backend> servers(Map<String, String> p, boolean withSettings) throws ApiError {
        List<Backend> out = new ArrayList<>();
        Set<BackendKey> seen = new HashSet<>();
        for (int n = 1; p.containsKey("Servers." + n + ".ServerId"); n++) {
            String at = "Servers." + n + ".";
            String type = p.getOrDefault(at + "ServerType", "");
            if (!TYPES.contains(type)) {
                throw new ApiError(400, "IllegalParam.ServerType", "ServerType must be Ecs, Eni or Ip.");
            }
            String ip = p.getOrDefault(at + "ServerIp", "");
            if (!type.equals("Ecs") && ip.isEmpty()) {
                throw new ApiError(400, "MissingParam.ServerIp", "ServerIp is mandatory for " + type + " servers.");
            }
            int port = number(p, at + "Port", -1, 0, 65535);
            int weight = withSettings ? number(p, at + "Weight", 100, 0, 100) : 100;
            String description = withSettings ? p.getOrDefault(at + "Description", "") : "";
            if (!description.isEmpty() && !DESCRIPTION.matcher(description).matches()) {
                throw new ApiError(400, "IllegalParam.description", "Description must be 2 to 256 letters, digits or , . ; / @ _ -.");
            }
            Backend b = Backend.of(BackendKey.of(p.get(at + "ServerId"), port, type.equals("Ecs") ? "" : ip),
                    type.equals("Ecs") ? BackendType.ECS : type.equals("Eni") ? BackendType.ENI : BackendType.OTHER, weight,
                    description);
            if (!seen.add(b.key())) {
                throw new ApiError(400, "DuplicatedParam.Server", "The request lists " + b.key() + " twice.");
            }
            out.add(b);
        }
        if (out.isEmpty() || out.size() > MAX_PER_CALL) {
            throw new ApiError(400, "IllegalParam.Servers", "Servers must hold 1 to 200 servers, not " + out.size() + ".");
        }
        return out;
    }

    private static int number(Map<String, String> p, String key, int dflt, int min, int max) throws ApiError {
        String t = p.getOrDefault(key, "");
        if (t.isEmpty() && dflt >= 0) {
            return dflt;
        }
        if (!t.matches("\\d{1,9}") || Integer.parseInt(t) < min || Integer.parseInt(t) > max) {
            throw new ApiError(400, "IllegalParam." + key.substring(key.lastIndexOf('.') + 1), key + " must be " + min + ".." + max + ".");
        }
        return Integer.parseInt(t);
    }

    private JsonObject listGroups(Map<String, String> p) {
        List<String> wanted = new ArrayList<>();
        for (int n = 1; p.containsKey("ServerGroupIds." + n); n++) {
            wanted.add(p.get("ServerGroupIds." + n));
        }
        List<JsonObject> rows = new ArrayList<>();
        for (Group g : groups.values()) {
            if (wanted.isEmpty() || wanted.contains(g.id)) {
                JsonObject j = new JsonObject();
                j.addProperty("ServerGroupId", g.id);
                j.addProperty("ServerGroupName", "group-" + g.id);
                j.addProperty("ServerGroupStatus", g.busy == null ? "Available" : "Configuring");
                j.addProperty("ServerGroupType", "Instance");
                JsonArray related = new JsonArray();
                g.related.forEach(related::add);
                j.add("RelatedLoadBalancerIds", related);
                j.addProperty("ServerCount", g.servers.size());
                rows.add(j);
            }
        }
        return page(rows, p, "ServerGroups", 20);
    }

    private static JsonObject listServers(Group g, Map<String, String> p) {
        List<JsonObject> rows = new ArrayList<>();
        for (Backend b : g.servers.values()) {
            JsonObject j = new JsonObject();
            j.addProperty("ServerGroupId", g.id);
            j.addProperty("ServerId", b.serverId());
            j.addProperty("ServerType", b.type() == BackendType.ECS ? "Ecs" : b.type() == BackendType.ENI ? "Eni" : "Ip");
            if (!b.serverIp().isEmpty()) {
                j.addProperty("ServerIp", b.serverIp());
            }
            j.addProperty("Port", b.port());
            j.addProperty("Weight", b.weight());
            j.addProperty("Description", b.description());
            j.addProperty("Status", "Available");
            rows.add(j);
        }
        return page(rows, p, "Servers", 20);
    }

    private JsonObject listJobs(Map<String, String> p) {
        JsonArray list = new JsonArray();
        for (int n = 1; p.containsKey("JobIds." + n); n++) {
            Job j = jobs.get(p.get("JobIds." + n));
            if (j != null) {
                JsonObject o = new JsonObject();
                o.addProperty("Id", j.id);
                o.addProperty("Status", j.status);
                list.add(o);
            }
        }
        JsonObject o = new JsonObject();
        o.add("Jobs", list);
        o.addProperty("TotalCount", Integer.toString(list.size()));
        return o;
    }

    /** One page of {@code MaxResults} rows (default {@code dflt}) from the offset {@code NextToken} holds. */
    private static JsonObject page(List<JsonObject> rows, Map<String, String> p, String field, int dflt) {
        int max = p.getOrDefault("MaxResults", "").matches("\\d{1,3}") ? Integer.parseInt(p.get("MaxResults")) : dflt;
        int from = p.getOrDefault("NextToken", "").matches("\\d{1,6}") ? Integer.parseInt(p.get("NextToken")) : 0;
        int to = Math.min(rows.size(), from + Math.max(1, Math.min(100, max)));
        JsonArray list = new JsonArray();
        rows.subList(Math.min(from, rows.size()), to).forEach(list::add);
        JsonObject o = new JsonObject();
        o.add(field, list);
        o.addProperty("TotalCount", rows.size());
        o.addProperty("MaxResults", max);
        if (to < rows.size()) {
            o.addProperty("NextToken", Integer.toString(to));
        }
        return o;
    }

    private static final class Group {
        final String id;
        final List<String> related;
        final Map<BackendKey, Backend> servers = new LinkedHashMap<>();
        String busy;

        Group(String id, List<String> related) {
            this.id = id;
            this.related = related;
        }
    }

    private static final class Job {
        final String id;
        final String groupId;
        final Runnable change;
        final boolean fails;
        final long endsAt;
        String status = "Processing";

        Job(String id, String groupId, Runnable change, boolean fails, long endsAt) {
            this.id = id;
            this.groupId = groupId;
            this.change = change;
            this.fails = fails;
            this.endsAt = endsAt;
        }
    }
}
