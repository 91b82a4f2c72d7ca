package com.clbsync.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may steer which load balancer: the configuration's {@code access} list. Without it ({@link #any}),
 * any namespace of any configured cluster may name any CLB the credentials reach, as before. With it, a
 * Service may use only a listed load balancer, from a listed cluster and namespace of that entry.
 */
public final class Access {
    private static final Access ANY = new Access(null);
    private final List<Rule> rules;

    private Access(List<Rule> rules) {
        this.rules = rules == null ? null : List.copyOf(rules);
    }

    /** No {@code access} list: everything is allowed. */
    public static Access any() {
        return ANY;
    }

    public static Access of(List<Rule> rules) {
        return new Access(Objects.requireNonNull(rules, "rules"));
    }

    /** Whether an {@code access} list is configured. */
    public boolean declared() {
        return rules != null;
    }

    public List<Rule> rules() {
        return rules == null ? List.of() : rules;
    }

    /** The load balancers listed (empty without a list). */
    public Set<String> loadBalancerIds() {
        Set<String> out = new TreeSet<>();
        rules().forEach(r -> out.add(r.loadBalancerId));
        return out;
    }

    /** Why a Service of {@code cluster}/{@code namespace} may not use {@code loadBalancerId}, or empty when it may. */
    public Optional<String> refusal(String cluster, String namespace, String loadBalancerId) {
        if (rules == null) {
            return Optional.empty();
        }
        List<Rule> forLb = new ArrayList<>();
        for (Rule r : rules) {
            if (r.loadBalancerId.equals(loadBalancerId)) {
                forLb.add(r);
            }
        }
        if (forLb.isEmpty()) {
            return Optional.of("its loadbalancer-id " + loadBalancerId + " is not in the configuration's access list:"
                    + " clb-sync writes nothing on its behalf");
        }
        for (Rule r : forLb) {
            if ((r.clusters.isEmpty() || r.clusters.contains(cluster)) && (r.namespaces.isEmpty() || r.namespaces.contains(namespace))) {
                return Optional.empty();
            }
        }
        return Optional.of("access does not let namespace " + namespace + " of cluster " + cluster + " use " + loadBalancerId
                + ": clb-sync writes nothing on its behalf");
    }

    @Override public boolean equals(Object o) {
        return o instanceof Access && Objects.equals(rules, ((Access) o).rules);
    }
    @Override public int hashCode() { return Objects.hashCode(rules); }
    @Override public String toString() { return rules == null ? "access: any" : "access " + rules; }

    /** One entry: a load balancer, and the clusters and namespaces whose Services may use it (empty: every one). */
    public static final class Rule {
        private final String loadBalancerId;
        private final Set<String> clusters;
        private final Set<String> namespaces;

        private Rule(String loadBalancerId, Collection<String> clusters, Collection<String> namespaces) {
            this.loadBalancerId = Objects.requireNonNull(loadBalancerId, "loadBalancerId");
            this.clusters = Set.copyOf(clusters);
            this.namespaces = Set.copyOf(namespaces);
        }

        public static Rule of(String loadBalancerId, Collection<String> clusters, Collection<String> namespaces) {
            return new Rule(loadBalancerId, clusters, namespaces);
        }

        public String loadBalancerId() { return loadBalancerId; }
        /** Empty: every configured cluster. */
        public Set<String> clusters() { return clusters; }
        /** Empty: every namespace. */
        public Set<String> namespaces() { return namespaces; }

        @Override public boolean equals(Object o) {
            if (!(o instanceof Rule)) return false;
            Rule r = (Rule) o;
            return loadBalancerId.equals(r.loadBalancerId) && clusters.equals(r.clusters) && namespaces.equals(r.namespaces);
        }
        @Override public int hashCode() { return Objects.hash(loadBalancerId, clusters, namespaces); }
        @Override public String toString() {
            return loadBalancerId + " from clusters " + (clusters.isEmpty() ? "any" : new TreeSet<>(clusters)) + ", namespaces "
                    + (namespaces.isEmpty() ? "any" : new TreeSet<>(namespaces));
        }
    }
}
