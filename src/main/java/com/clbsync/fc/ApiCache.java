package com.clbsync.fc;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.VServerGroupApi;

import java.util.function.Function;

/**
 * The CLB client for the current execution credentials. FC hands over STS credentials on every
 * invocation and they rotate; the client is rebuilt only when they change.
 */
final class ApiCache implements Function<ClbCredentials, VServerGroupApi> {
    private final Function<ClbCredentials, VServerGroupApi> factory;
    private ClbCredentials credentials;
    private VServerGroupApi api;

    ApiCache(Function<ClbCredentials, VServerGroupApi> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized VServerGroupApi apply(ClbCredentials current) {
        if (api == null || !current.equals(credentials)) {
            api = factory.apply(current);
            credentials = current;
        }
        return api;
    }
}
