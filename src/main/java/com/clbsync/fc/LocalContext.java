package com.clbsync.fc;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.OpenTracing;
import com.aliyun.fc.runtime.Service;
import com.clbsync.clb.ClbCredentials;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.UUID;

/** A Function Compute context for running the handler locally ({@code invoke}): credentials from the environment, logs to a writer. */
public final class LocalContext implements Context {
    private final ClbCredentials credentials;
    private final PrintWriter log;
    private final String requestId = UUID.randomUUID().toString();
    private final Duration timeLimit;

    /** @param credentials null when the environment has none */
    public LocalContext(ClbCredentials credentials, PrintWriter log) {
        this(credentials, log, Duration.ofMinutes(2));
    }

    /** @param timeLimit the function's time limit, as FC gives it ({@code getExecTimeLimitInMillis}) */
    public LocalContext(ClbCredentials credentials, PrintWriter log, Duration timeLimit) {
        this.credentials = credentials;
        this.log = log;
        this.timeLimit = timeLimit;
    }

    @Override public String getRequestId() { return requestId; }

    @Override public Credentials getExecutionCredentials() {
        if (credentials == null) {
            return null;
        }
        return new Credentials() {
            @Override public String getAccessKeyId() { return credentials.accessKeyId(); }
            @Override public String getAccessKeySecret() { return credentials.accessKeySecret(); }
            @Override public String getSecurityToken() { return credentials.securityToken(); }
        };
    }

    @Override public FunctionParam getFunctionParam() {
        return new FunctionParam() {
            @Override public String getFunctionName() { return "clb-sync"; }
            @Override public String getFunctionHandler() { return "com.clbsync.fc.SyncHandler::handleRequest"; }
            @Override public String getFunctionInitializer() { return "com.clbsync.fc.SyncHandler::initialize"; }
            @Override public int getExecTimeLimitInMillis() { return (int) timeLimit.toMillis(); }
            @Override public int getMemoryLimitInMB() { return 512; }
        };
    }

    @Override public Service getService() { return null; }
    @Override public OpenTracing getTracing() { return null; }
    @Override public int getRetryCount() { return 0; }

    @Override public FunctionComputeLogger getLogger() {
        return new FunctionComputeLogger() {
            @Override public void trace(String s) { write("TRACE", s); }
            @Override public void debug(String s) { write("DEBUG", s); }
            @Override public void info(String s) { write("INFO", s); }
            @Override public void warn(String s) { write("WARN", s); }
            @Override public void error(String s) { write("ERROR", s); }
            @Override public void fatal(String s) { write("FATAL", s); }
            @Override public void setLogLevel(Level level) { }
        };
    }

    private void write(String level, String message) {
        log.println(level + " " + message);
        log.flush();
    }
}
