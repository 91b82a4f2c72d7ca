package com.clbsync.clb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The error behaviour the CLB API reference documents, and nothing guessed. */
class ClbExceptionTest {
    private static ClbException e(int status, String code, String message) {
        return new ClbException("AddVServerGroupBackendServers", status, code, message);
    }

    @Test
    void aMissingGroupIsKnownByStatusAndMessageNotByTheCodeAlone() {
        assertThat(e(404, "InvalidParameter", "The specified VServerGroupId does not exist.").groupNotFound()).isTrue();
        assertThat(e(400, "InvalidParameter", "The resource already exists.").groupNotFound()).isFalse();
        assertThat(e(400, "InvalidParameter", "The specified VServerGroupId does not exist.").groupNotFound()).isFalse();
    }

    @Test
    void theBusyAndThrottlingFamiliesAreRetriedAndInvalidInputIsNot() {
        for (String code : new String[] {"VServerGroupProcessing", "ServiceIsConfiguring", "BackendServer.configuring",
                "ServiceIsStopping", "OperationBusy", "SystemBusy", "OperationFailed.ServiceGroupProcessing",
                "ProcessingSameRequest", "Throttling", "Throttling.User", "Rejected.Throttling", "ServiceUnavailable",
                "InternalError"}) {
            assertThat(e(400, code, "").retryable()).as(code).isTrue();
        }
        assertThat(e(400, "Rejected.Throttling", "").throttled()).isTrue();
        for (String code : new String[] {"InvalidParameter", "Forbidden.RAM", "InstanceBackendServerNumberOverLimit",
                "InvalidServerId.NotExist", "TooManyBackendServers"}) {
            assertThat(e(400, code, "").retryable()).as(code).isFalse();
        }
    }

    @Test
    void anAnswerThatNeverCameOrA5xxLeavesTheOutcomeUnknown() {
        assertThat(e(0, ClbException.NO_RESPONSE, "SocketTimeoutException").ambiguous()).isTrue();
        assertThat(e(500, "InternalError", "").ambiguous()).isTrue();
        assertThat(e(400, "InvalidParameter", "").ambiguous()).isFalse();
    }

    @Test
    void theNlbsCodesAreClassifiedByItsReference() {
        assertThat(new ClbException("ListServerGroups", 404, "ResourceNotFound.serverGroup", "").groupNotFound()).isTrue();
        assertThat(new ClbException("AddServersToServerGroup", 400, "IncorrectStatus.serverGroup", "").retryable()).isTrue();
        assertThat(new ClbException("AddServersToServerGroup", 400, "Conflict.Lock", "").retryable()).isTrue();
        assertThat(new ClbException("AddServersToServerGroup", 400, "QuotaExceeded.QuotaInsufficient", "").overLimit()).isTrue();
        assertThat(new ClbException("AddServersToServerGroup", 403, "Forbidden.NoPermission", "").missingPermission()).isTrue();
        assertThat(new ClbException("AddServersToServerGroup", 0, ClbException.JOB_FAILED, "").ambiguous())
                .as("a failed job may have done part of its work: judged from a new list").isTrue();
        assertThat(new ClbException("AddServersToServerGroup", 400, "IllegalParam.description", "").retryable()).isFalse();
    }
}
