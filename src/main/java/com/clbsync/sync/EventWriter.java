package com.clbsync.sync;

import com.clbsync.plan.ServiceRef;
import com.clbsync.redact.Redactor;
import com.clbsync.time.Deadline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the Events an applied run's report calls for, each in its Service's cluster, within the run's
 * deadline; one that cannot be written is a note in the report, never a failure of the sync. After one
 * Event times out in a cluster, no more are tried there this run.
 */
final class EventWriter {
    /** An Event is not started with less than this left before the deadline. */
    static final Duration EVENT_TIME = Duration.ofSeconds(1);
    private final Map<String, ServiceEvents> writers;

    /** @param writers each cluster's, by name; a cluster without one gets no Events */
    EventWriter(Map<String, ServiceEvents> writers) {
        this.writers = Map.copyOf(writers);
    }

    /** @param uids the UID of every Service read this run (an Event names its object by it) */
    SyncReport write(SyncReport report, Deadline deadline, Map<ServiceRef, String> uids) {
        List<String> problems = new ArrayList<>();
        Set<String> timedOut = new TreeSet<>();
        for (ServiceEvent e : EventsOfReport.of(report)) {
            String cluster = e.service().cluster();
            ServiceEvents writer = writers.get(cluster);
            if (writer == null) {
                continue;
            }
            String event = e.service() + ": the Event " + e.reason();
            if (timedOut.contains(cluster)) {
                problems.add(event + " was not written: an earlier Event in this cluster timed out this run");
            } else if (!deadline.allows(EVENT_TIME)) {
                problems.add(event + " was not written: the run's deadline came first");
            } else {
                try {
                    writer.record(e.withUid(uids.getOrDefault(e.service(), "")), deadline.remaining());
                } catch (ServiceEvents.TimedOut x) {
                    timedOut.add(cluster);
                    problems.add(event + " was not written (" + x.getMessage() + "); no more Events in this cluster this run");
                } catch (Exception x) {
                    problems.add(event + " could not be written (" + Redactor.firstLine(x) + ")");
                }
            }
        }
        return problems.isEmpty() ? report : report.withEventProblems(problems);
    }
}
