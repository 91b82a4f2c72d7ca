package com.clbsync.fc;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.time.Deadline;

import java.util.List;
import java.util.Map;

/** Pulls the audit-log records of a Log Service cursor range, each as its field map. */
public interface AuditLogSource {
    /** Every record of the range, each request ending by {@code deadline}; a pull that cannot finish fails. */
    List<Map<String, String>> pull(SlsRange range, ClbCredentials credentials, Deadline deadline) throws Exception;
}
