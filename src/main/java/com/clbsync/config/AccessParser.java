package com.clbsync.config;

import com.clbsync.plan.Access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads the optional top-level {@code access} list, naming every bad field. */
final class AccessParser {
    static final Set<String> KEYS = Set.of("loadBalancerId", "clusters", "namespaces");
    private static final Pattern LB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private AccessParser() {
    }

    /**
     * @param clusters the configured clusters' names: an entry may name only those
     * @param problems where every problem goes
     */
    static Access parse(Object value, Set<String> clusters, List<String> problems) {
        if (value == null) {
            return Access.any();
        }
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            problems.add("access: must be a non-empty list of {loadBalancerId, clusters, namespaces}");
            return Access.any();
        }
        List<Access.Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            String at = "access[" + i + "]";
            if (!(list.get(i) instanceof Map)) {
                problems.add(at + ": must be a mapping (loadBalancerId, clusters, namespaces)");
                continue;
            }
            Map<?, ?> m = (Map<?, ?>) list.get(i);
            for (Object k : m.keySet()) {
                if (!KEYS.contains(String.valueOf(k))) {
                    problems.add(at + "." + k + ": unknown key (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
                }
            }
            Object lb = m.get("loadBalancerId");
            if (!(lb instanceof String) || !LB_ID.matcher((String) lb).matches()) {
                problems.add(at + ".loadBalancerId: " + (lb == null ? "required" : "\"" + lb + "\" is not a load balancer id"));
                continue;
            }
            if (!seen.add((String) lb)) {
                problems.add(at + ".loadBalancerId: " + lb + " is listed twice; give each load balancer one entry");
            }
            List<String> cs = names(m.get("clusters"), at + ".clusters", problems);
            cs.stream().filter(c -> !clusters.contains(c)).forEach(c -> problems.add(at + ".clusters: \"" + c
                    + "\" is not a configured cluster (" + String.join(", ", new TreeSet<>(clusters)) + ")"));
            List<String> ns = names(m.get("namespaces"), at + ".namespaces", problems);
            ns.stream().filter(n -> !NAMESPACE.matcher(n).matches()).forEach(n -> problems.add(at + ".namespaces: \"" + n
                    + "\" is not a namespace name"));
            rules.add(Access.Rule.of((String) lb, cs, ns));
        }
        return Access.of(rules);
    }

    private static List<String> names(Object v, String field, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List) || ((List<?>) v).isEmpty()) {
            problems.add(field + ": must be a non-empty list of names (leave it out for every one)");
            return out;
        }
        for (Object o : (List<?>) v) {
            if (o instanceof String) {
                out.add((String) o);
            } else {
                problems.add(field + ": \"" + o + "\" is not a name");
            }
        }
        return out;
    }
}
