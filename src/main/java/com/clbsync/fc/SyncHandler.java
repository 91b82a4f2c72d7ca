package com.clbsync.fc;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.FunctionParam;
import com.aliyun.fc.runtime.StreamRequestHandler;
import com.clbsync.clb.ClbCredentials;
import com.clbsync.config.ConfigException;
import com.clbsync.config.ConfigLoader;
import com.clbsync.config.SyncConfig;
import com.clbsync.redact.Redactor;
import com.clbsync.time.Deadline;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Function Compute entry point ({@code com.clbsync.fc.SyncHandler::handleRequest}, initializer
 * {@code ::initialize}): reads the event, hands it with the invocation's deadline and credentials to the
 * instance's {@link InvocationService}, and writes its output, redacted.
 */
public final class SyncHandler implements StreamRequestHandler, FunctionInitializer {
    public static final String ENV_CONFIG = "CLB_SYNC_CONFIG";
    public static final String ENV_CONFIG_FILE = "CLB_SYNC_CONFIG_FILE";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final long DEFAULT_TIME_LIMIT_MS = 120_000;
    /** The function's {@code timeout} in s.yaml (a test keeps the two equal): what {@code invoke} runs with by default. */
    public static final int FUNCTION_TIMEOUT_SECONDS = 300;

    private final Map<String, String> env;
    private volatile InvocationService service;

    /** Used by FC: the configuration from {@code CLB_SYNC_CONFIG} or {@code CLB_SYNC_CONFIG_FILE}, built in {@link #initialize}. */
    public SyncHandler() {
        this.env = System.getenv();
    }

    /** With the instance's service given (tests, and the {@code invoke} command). */
    public SyncHandler(InvocationService service) {
        this.env = Map.of();
        this.service = service;
    }

    @Override
    public void initialize(Context context) throws IOException {
        if (service != null) {
            return;
        }
        try {
            service = InvocationService.forConfig(loadConfig(env));
            credentials(context).ifPresent(service::warmUp); // the CLB client too, while the instance starts
        } catch (ConfigException e) {
            FcLog.of(context).error(e.getMessage());
            throw new IOException(e.getMessage());
        }
    }

    static SyncConfig loadConfig(Map<String, String> env) throws ConfigException {
        String text = env.get(ENV_CONFIG);
        if (text != null && !text.isBlank()) {
            return ConfigLoader.parse(text, Path.of("."));
        }
        String file = env.get(ENV_CONFIG_FILE);
        if (file != null && !file.isBlank()) {
            return ConfigLoader.load(Path.of(file));
        }
        throw new ConfigException(List.of(ENV_CONFIG + " / " + ENV_CONFIG_FILE + ": set one (the configuration as YAML or"
                + " JSON text, or a path to it)"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        handle(input.readAllBytes(), false, output, context);
    }

    /** As FC's call, on an event already read; with {@code plan}, planned whatever it says ({@code invoke --plan}). */
    public void handle(byte[] event, boolean plan, OutputStream output, Context context) throws IOException {
        Deadline deadline = deadline(context, Clock.systemUTC());
        if (service == null) {
            initialize(context);
        }
        JsonObject json = service.handle(event, plan, credentials(context), deadline, FcLog.of(context));
        output.write((Redactor.redact(GSON.toJson(json)) + "\n").getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    /**
     * The invocation's one deadline: Function Compute's time limit from now, less a reserve for the
     * report (a tenth of the limit, 2 to 15 s), so the report is always written before FC ends the run.
     */
    static Deadline deadline(Context context, Clock clock) {
        FunctionParam p = context == null ? null : context.getFunctionParam();
        long limit = p == null || p.getExecTimeLimitInMillis() <= 0 ? DEFAULT_TIME_LIMIT_MS : p.getExecTimeLimitInMillis();
        long reserve = Math.max(2_000, Math.min(15_000, limit / 10));
        return Deadline.at(clock.instant().plusMillis(Math.max(0, limit - reserve)), clock);
    }

    /** This invocation's execution credentials (the function role's STS credentials), if it has any. */
    private static Optional<ClbCredentials> credentials(Context context) {
        Credentials c = context == null ? null : context.getExecutionCredentials();
        if (c == null || c.getAccessKeyId() == null || c.getAccessKeyId().isBlank() || c.getAccessKeySecret() == null
                || c.getAccessKeySecret().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ClbCredentials.of(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken()));
    }
}
