package com.clbsync.config;

import com.clbsync.plan.Access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the optional top-level {@code access} list (its shape already checked by the schema): each load
 * balancer once, and only configured clusters named.
 */
final class AccessParser {
    private AccessParser() {
    }

    /**
     * @param clusters the configured clusters' names: an entry may name only those
     * @param problems where every problem goes
     */
    static Access parse(List<?> entries, Set<String> clusters, List<String> problems) {
        if (entries.isEmpty()) {
            return Access.any();
        }
        List<Access.Rule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = "access[" + i + "]";
            if (!(entries.get(i) instanceof Map)) {
                continue;
            }
            Map<?, ?> m = (Map<?, ?>) entries.get(i);
            Key rule = ConfigSchema.ACCESS.items().orElseThrow();
            String lb = Values.string(m, rule.fields().get("loadBalancerId")).orElse("");
            if (!lb.isEmpty() && !seen.add(lb)) {
                problems.add(at + ".loadBalancerId: " + lb + " is listed twice; give each load balancer one entry");
            }
            List<String> cs = strings(Values.list(m, rule.fields().get("clusters")));
            cs.stream().filter(c -> !clusters.contains(c)).forEach(c -> problems.add(at + ".clusters: \"" + c
                    + "\" is not a configured cluster (" + String.join(", ", new TreeSet<>(clusters)) + ")"));
            if (!lb.isEmpty()) {
                rules.add(Access.Rule.of(lb, cs, strings(Values.list(m, rule.fields().get("namespaces")))));
            }
        }
        return Access.of(rules);
    }

    private static List<String> strings(List<?> values) {
        List<String> out = new ArrayList<>();
        values.stream().filter(v -> v instanceof String).forEach(v -> out.add((String) v));
        return out;
    }
}
