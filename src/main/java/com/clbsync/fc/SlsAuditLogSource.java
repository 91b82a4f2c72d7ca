package com.clbsync.fc;

import com.aliyun.openservices.log.Client;
import com.aliyun.openservices.log.common.FastLog;
import com.aliyun.openservices.log.common.FastLogContent;
import com.aliyun.openservices.log.common.FastLogGroup;
import com.aliyun.openservices.log.common.LogGroupData;
import com.aliyun.openservices.log.http.client.ClientConfiguration;
import com.aliyun.openservices.log.request.PullLogsRequest;
import com.aliyun.openservices.log.response.PullLogsResponse;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.Transport;
import com.clbsync.time.Deadline;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link AuditLogSource} on the Log Service SDK ({@code aliyun-log}): PullLogs from begin to end cursor. */
public final class SlsAuditLogSource implements AuditLogSource {
    /** Bounds one invocation's pull: past this, the caller falls back to a whole-cluster reconcile. */
    static final int MAX_RECORDS = 50_000;
    private static final int PAGE = 1000;

    private final String endpoint;
    private final Consumer<ClientConfiguration> tuning;

    /**
     * @param endpoint the region's Log Service endpoint for the configuration's network: every pull goes
     *                 there, whatever endpoint a trigger event names (an event is untrusted input)
     */
    public SlsAuditLogSource(String endpoint) {
        this(endpoint, c -> { });
    }

    /** The same with the SDK's client configuration tuned (tests: a proxy on loopback answering for Log Service). */
    SlsAuditLogSource(String endpoint, Consumer<ClientConfiguration> tuning) {
        this.endpoint = endpoint;
        this.tuning = tuning;
    }

    /**
     * HTTPS, always: the SDK signs with the AccessKey and sends the STS token. Plain HTTP only when the
     * request goes to a proxy on loopback (a stand-in), where nothing leaves the machine.
     */
    static String scheme(ClientConfiguration c) {
        return c.getProxyHost() != null && Transport.isLoopback(c.getProxyHost()) ? "http://" : "https://";
    }

    /** A page is not requested with less than this left before the deadline. */
    static final Duration MIN_REQUEST_TIME = Duration.ofSeconds(1);

    @Override
    public List<Map<String, String>> pull(SlsRange range, ClbCredentials credentials, Deadline deadline) throws Exception {
        ClientConfiguration timeouts = new ClientConfiguration();
        int bound = (int) Math.max(1, deadline.bound(Duration.ofSeconds(30)).toMillis());
        timeouts.setConnectionTimeout(Math.min(5_000, bound));
        timeouts.setSocketTimeout(bound);
        tuning.accept(timeouts);
        // the region's own Log Service endpoint (the configuration's network), never one an event names, over HTTPS
        Client client = new Client(scheme(timeouts) + host(endpoint), credentials.accessKeyId(),
                credentials.accessKeySecret(), timeouts);
        if (credentials.securityToken() != null) {
            client.setSecurityToken(credentials.securityToken());
        }
        try {
            List<Map<String, String>> records = new ArrayList<>();
            String cursor = range.beginCursor();
            while (!cursor.equals(range.endCursor())) {
                if (!deadline.allows(MIN_REQUEST_TIME)) {
                    throw new IllegalStateException("the run's deadline came before the range was pulled");
                }
                PullLogsResponse page = client.pullLogs(new PullLogsRequest(range.project(), range.logstore(), range.shard(),
                        PAGE, cursor, range.endCursor()));
                for (LogGroupData group : page.getLogGroups()) {
                    FastLogGroup fast = group.GetFastLogGroup();
                    for (FastLog log : fast.getLogs()) {
                        Map<String, String> read = new HashMap<>(); // only the fields read: never a requestObject
                        for (FastLogContent c : log.getContents()) {
                            if (AuditRecords.READ.contains(c.getKey())) {
                                read.put(c.getKey(), c.getValue());
                            }
                        }
                        records.add(AuditRecords.reduced(read::get));
                    }
                }
                if (records.size() > MAX_RECORDS) {
                    throw new IllegalStateException("more than " + MAX_RECORDS + " records in the range");
                }
                if (page.getCount() == 0 || page.getNextCursor() == null || page.getNextCursor().equals(cursor)) {
                    break;
                }
                cursor = page.getNextCursor();
            }
            return records;
        } finally {
            client.shutdown();
        }
    }

    /** The host of an endpoint given with or without a scheme. */
    static String host(String endpoint) {
        return endpoint.replaceFirst("^https?://", "").replaceAll("/+$", "");
    }
}
