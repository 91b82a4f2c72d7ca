package com.clbsync.fc;

import com.clbsync.clb.ClbCredentials;

import java.util.List;
import java.util.Map;

/** Pulls the audit-log records of a Log Service cursor range, each as its field map. */
public interface AuditLogSource {
    List<Map<String, String>> pull(SlsRange range, ClbCredentials credentials) throws Exception;
}
