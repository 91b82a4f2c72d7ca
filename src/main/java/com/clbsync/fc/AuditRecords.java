package com.clbsync.fc;

import com.clbsync.sync.ObjectKind;
import com.clbsync.sync.ObjectRef;
import com.clbsync.sync.SyncScope;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Narrows Kubernetes audit records to the writes that can change backends: create, update, patch and
 * delete of services, endpointslices, endpoints and nodes. Fields may be flattened with dots
 * ({@code objectRef.resource}, as stored in the logstore) or nested ({@code objectRef} as JSON).
 */
public final class AuditRecords {
    static final Set<String> WRITES = Set.of("create", "update", "patch", "delete", "deletecollection");
    /** The fields of a record clb-sync reads; everything else (requestObject, responseObject, user...) is never kept. */
    static final Set<String> READ = Set.of("verb", "objectRef", "objectRef.resource", "objectRef.namespace",
            "objectRef.name", "stageTimestamp", "requestReceivedTimestamp");

    private AuditRecords() {
    }

    /**
     * A record reduced, while it is pulled, to its verb, object reference (resource, namespace, name,
     * flattened) and times: a page of records with their {@code requestObject}s is never held.
     *
     * @param field a record's field by key (null when absent)
     */
    static Map<String, String> reduced(java.util.function.Function<String, String> field) {
        Map<String, String> in = new java.util.HashMap<>();
        READ.forEach(k -> {
            String v = field.apply(k);
            if (v != null) {
                in.put(k, v);
            }
        });
        Map<String, String> out = new java.util.HashMap<>();
        for (String k : List.of("verb", "stageTimestamp", "requestReceivedTimestamp")) {
            if (in.containsKey(k)) {
                out.put(k, in.get(k));
            }
        }
        for (String k : List.of("resource", "namespace", "name")) {
            String v = field(in, k);
            if (!v.isEmpty()) {
                out.put("objectRef." + k, v);
            }
        }
        return out;
    }

    /** The scope these records call for in {@code cluster}; empty when none of them matters. */
    public static SyncScope scope(String cluster, List<Map<String, String>> records) {
        List<ObjectRef> objects = new ArrayList<>();
        boolean wholeCluster = false;
        for (Map<String, String> r : records) {
            if (!WRITES.contains(r.getOrDefault("verb", ""))) {
                continue;
            }
            String resource = field(r, "resource");
            String namespace = field(r, "namespace");
            String name = field(r, "name");
            Optional<ObjectKind> kind = ObjectKind.ofResource(resource).filter(k -> k != ObjectKind.POD);
            if (kind.isEmpty()) {
                continue; // pods are written all the time; their endpoints show in EndpointSlices
            }
            if (name.isEmpty()) {
                wholeCluster = true; // a deletecollection: which objects is unknown
            } else {
                objects.add(ObjectRef.of(cluster, kind.get(), namespace, name));
            }
        }
        return SyncScope.targeted(wholeCluster ? List.of(cluster) : List.of(), objects);
    }

    /** The latest time of these records ({@code stageTimestamp}, else {@code requestReceivedTimestamp}); null when one has none. */
    static Instant latestTime(List<Map<String, String>> records) {
        Instant latest = null;
        for (Map<String, String> r : records) {
            Instant t = JsonFields.time(r.getOrDefault("stageTimestamp", r.get("requestReceivedTimestamp"))).orElse(null);
            if (t == null) {
                return null;
            }
            latest = latest == null || t.isAfter(latest) ? t : latest;
        }
        return latest;
    }

    /** {@code objectRef.<key>}, flattened or nested. */
    private static String field(Map<String, String> r, String key) {
        String flat = r.get("objectRef." + key);
        if (flat != null) {
            return flat;
        }
        String nested = r.get("objectRef");
        if (nested == null) {
            return "";
        }
        try {
            JsonElement e = JsonParser.parseString(nested);
            JsonObject o = e.isJsonObject() ? e.getAsJsonObject() : null;
            return o != null && o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
