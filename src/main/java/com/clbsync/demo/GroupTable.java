package com.clbsync.demo;

import com.clbsync.plan.Backend;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Prints a vServer group as a table: backend, port, weight, owner, share of traffic; long runs of alike rows folded. */
final class GroupTable {
    private static final int SHOWN_PER_RUN = 2;

    private GroupTable() {
    }

    static void print(PrintWriter out, String groupId, List<Backend> backends) {
        long total = backends.stream().mapToLong(Backend::weight).sum();
        out.printf("  %s %s: %d backends, total weight %d%n", com.clbsync.plan.LbKind.ofGroup(groupId).groupWord(), groupId,
                backends.size(), total);
        out.printf("    %-26s %6s %7s  %-42s %7s%n", "backend", "port", "weight", "owner", "share");
        List<Backend> sorted = new ArrayList<>(backends);
        sorted.sort(Comparator.comparing(GroupTable::owner).thenComparing(Backend::serverId));
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j < sorted.size() && alike(sorted.get(i), sorted.get(j))) {
                j++;
            }
            int run = j - i;
            for (int k = i; k < j && (k - i < SHOWN_PER_RUN || run <= SHOWN_PER_RUN + 1); k++) {
                Backend b = sorted.get(k);
                out.printf("    %-26s %6d %7d  %-42s %6.1f%%%n", name(b), b.port(), b.weight(), owner(b),
                        total == 0 ? 0 : 100.0 * b.weight() / total);
            }
            if (run > SHOWN_PER_RUN + 1) {
                Backend b = sorted.get(i);
                int more = run - SHOWN_PER_RUN;
                // a folded run says what it sums: its rows' weight and share together
                out.printf("    %-26s %6d %7d  %-42s %6.1f%%%n", "... " + more + " more alike", b.port(), b.weight(),
                        "these " + more + " together: weight " + (long) more * b.weight(),
                        total == 0 ? 0 : 100.0 * b.weight() * more / total);
            }
            i = j;
        }
    }

    /** The instance id; for an ENI backend its ENI id and pod IP. */
    private static String name(Backend b) {
        return b.serverIp().isEmpty() ? b.serverId() : b.serverId() + "/" + b.serverIp();
    }

    private static boolean alike(Backend a, Backend b) {
        return a.weight() == b.weight() && a.port() == b.port() && Objects.equals(owner(a), owner(b));
    }

    /** {@code cluster (namespace/service)} for a clb-sync backend, {@code hand-added} otherwise. */
    static String owner(Backend b) {
        String[] parts = b.description().split("/");
        if (parts.length == 5 && parts[0].equals("k8s")) {
            return parts[4] + " (" + parts[3] + "/" + parts[2] + ")";
        }
        String[] nlb = b.description().split("\\.", 6); // k8s.<port>.<protocol>.<service>.<namespace>.<owner>
        if (nlb.length == 6 && nlb[0].equals("k8s")) {
            return nlb[5] + " (" + nlb[4] + "/" + nlb[3] + ")";
        }
        return "hand-added" + (b.description().isEmpty() ? "" : ": " + b.description());
    }
}
