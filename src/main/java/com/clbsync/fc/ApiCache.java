package com.clbsync.fc;

import com.clbsync.clb.ClbCredentials;

import java.util.function.Function;

/**
 * The CLB client for the current execution credentials. FC hands over STS credentials on every
 * invocation and they rotate; the client is rebuilt only when they change.
 */
final class ApiCache<A> implements Function<ClbCredentials, A> {
    private final Function<ClbCredentials, A> factory;
    private ClbCredentials credentials;
    private A api;

    ApiCache(Function<ClbCredentials, A> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized A apply(ClbCredentials current) {
        if (api == null || !current.equals(credentials)) {
            api = factory.apply(current);
            credentials = current;
        }
        return api;
    }
}
