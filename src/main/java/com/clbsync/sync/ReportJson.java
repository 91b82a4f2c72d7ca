package com.clbsync.sync;

import com.clbsync.plan.Backend;
import com.clbsync.plan.FrozenService;
import com.clbsync.plan.GroupPlan;
import com.clbsync.plan.ServiceHealth;
import com.clbsync.plan.ServiceRamp;
import com.clbsync.plan.ServiceShare;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/** The report as JSON ({@code --json}, and the function's output): a stable, documented shape. */
public final class ReportJson {

    private ReportJson() {
    }

    public static String render(SyncReport report) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson(report));
    }

    public static JsonObject toJson(SyncReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("mode", r.mode());
        o.addProperty("exitCode", r.exitCode());
        o.addProperty("scope", r.scope());
        o.addProperty("clbCalls", r.clbCalls());
        JsonArray clusters = new JsonArray();
        for (ClusterReport c : r.clusters()) {
            JsonObject j = new JsonObject();
            j.addProperty("name", c.name());
            j.addProperty("ownerId", c.ownerId());
            if (!c.identity().isEmpty()) {
                j.addProperty("identity", c.identity()); // the kube-system UID its API server answered with
            }
            j.addProperty("state", c.state().name());
            j.addProperty("frozen", c.frozen());
            if (c.frozen()) {
                j.addProperty("reason", c.reason());
            }
            if (c.state() != ClusterReport.State.FROZEN) {
                j.addProperty("services", c.services());
                j.addProperty("nodes", c.nodes());
                j.addProperty("read", c.source());
                j.addProperty("readKind", c.readKind().word());
                j.addProperty("bytesRead", c.bytes());
            }
            clusters.add(j);
        }
        o.add("clusters", clusters);
        JsonArray frozen = new JsonArray();
        for (FrozenService f : r.frozenServices()) {
            JsonObject j = new JsonObject();
            j.addProperty("cluster", f.service().cluster());
            j.addProperty("service", f.service().id().toString());
            j.addProperty("reason", f.reason());
            frozen.add(j);
        }
        o.add("frozenServices", frozen);
        o.add("warnings", strings(r.warnings()));
        o.add("errors", strings(r.errors()));
        o.add("eventWarnings", strings(r.eventProblems()));
        o.add("notes", strings(r.notes()));
        JsonArray groups = new JsonArray();
        r.groups().forEach(g -> groups.add(group(g)));
        o.add("groups", groups);
        return o;
    }

    private static JsonObject group(GroupReport g) {
        JsonObject j = new JsonObject();
        j.addProperty("groupId", g.groupId());
        j.addProperty("loadBalancerId", g.loadBalancerId());
        j.addProperty("status", g.status().name());
        JsonArray services = new JsonArray();
        g.services().forEach(s -> services.add(s.toString()));
        j.add("services", services);
        // added/reweighted/removed: the changes made (apply) or that would be made (plan)
        j.add("added", backends(g.added()));
        j.add("reweighted", backends(g.updated()));
        j.add("removed", backends(g.removed()));
        GroupPlan p = g.plan();
        if (p != null) {
            j.add("unchanged", backends(p.unchanged()));
            j.add("foreign", backends(p.foreign()));
            j.add("kept", backends(p.kept()));
            j.add("conflicts", strings(p.conflicts()));
        }
        if (!g.left().isEmpty()) {
            JsonObject left = new JsonObject();
            left.addProperty("adds", g.left().adds().size());
            left.addProperty("reweights", g.left().updates().size());
            left.addProperty("removals", g.left().removes().size());
            j.add("leftUndone", left);
        }
        JsonArray shares = new JsonArray();
        for (ServiceShare s : g.shares()) {
            JsonObject share = new JsonObject();
            share.addProperty("service", s.service().toString());
            if (s.target() != null) {
                share.addProperty("targetShare", round(s.target()));
            }
            share.addProperty("achievedShare", round(s.achieved()));
            shares.add(share);
        }
        j.add("shares", shares);
        JsonArray ramps = new JsonArray();
        for (ServiceRamp x : g.ramps()) {
            JsonObject ramp = new JsonObject();
            ramp.addProperty("service", x.service().toString());
            ramp.addProperty("from", round(x.from()));
            ramp.addProperty("to", round(x.to()));
            ramp.addProperty("target", round(x.target()));
            ramp.addProperty("waiting", x.waiting());
            ramps.add(ramp);
        }
        j.add("ramps", ramps);
        JsonArray health = new JsonArray();
        for (ServiceHealth h : g.health()) {
            JsonObject one = new JsonObject();
            one.addProperty("service", h.service().toString());
            one.addProperty("healthy", h.healthy());
            one.addProperty("backends", h.all());
            health.add(one);
        }
        j.add("health", health);
        JsonObject retired = new JsonObject();
        g.retiredLeft().forEach(retired::addProperty);
        j.add("retiredLeft", retired);
        j.add("warnings", strings(g.warnings()));
        j.add("errors", strings(g.errors()));
        return j;
    }

    private static JsonArray backends(List<Backend> list) {
        JsonArray a = new JsonArray();
        for (Backend b : list) {
            JsonObject j = new JsonObject();
            j.addProperty("serverId", b.serverId());
            if (!b.serverIp().isEmpty()) {
                j.addProperty("serverIp", b.serverIp());
            }
            j.addProperty("port", b.port());
            j.addProperty("type", b.type().key());
            j.addProperty("weight", b.weight());
            j.addProperty("description", b.description());
            a.add(j);
        }
        return a;
    }

    private static double round(double share) {
        return Math.round(share * 10000) / 10000.0;
    }

    private static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }
}
