package com.clbsync.fc;

import com.clbsync.clb.ClbCredentials;
import com.clbsync.clb.VServerGroupApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCacheTest {

    @Test
    void rebuildsTheClientOnlyWhenCredentialsRotate() {
        List<ClbCredentials> built = new ArrayList<>();
        ApiCache<VServerGroupApi> cache = new ApiCache<>(c -> {
            built.add(c);
            return (VServerGroupApi) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {VServerGroupApi.class}, (p, m, a) -> null);
        });
        ClbCredentials first = ClbCredentials.of("id", "secret", "token-1");
        VServerGroupApi a = cache.apply(first);
        assertThat(cache.apply(ClbCredentials.of("id", "secret", "token-1"))).isSameAs(a);
        VServerGroupApi b = cache.apply(ClbCredentials.of("id", "secret", "token-2"));
        assertThat(b).isNotSameAs(a);
        assertThat(built).hasSize(2);
    }
}
