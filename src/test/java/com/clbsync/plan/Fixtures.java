package com.clbsync.plan;

import com.clbsync.model.KubeService;
import com.clbsync.model.ServicePort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain values for the core's tests. */
final class Fixtures {
    static final String LB = "lb-1";

    private Fixtures() {
    }

    /** Annotations from suffix/value pairs under the current prefix; a key containing '/' is taken whole. */
    static Map<String, String> annotations(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i].contains("/") ? kv[i] : LbAnnotations.PREFIX + kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A LoadBalancer Service with port 80 -> nodePort 30080 and 443 -> 30443. */
    static KubeService service(String name, Map<String, String> annotations) {
        return service(name, annotations, false);
    }

    static KubeService service(String name, Map<String, String> annotations, boolean local) {
        return KubeService.of("default", name, annotations, local,
                List.of(ServicePort.of("http", 80, 30080, "8080"), ServicePort.of("https", 443, 30443, "8443")));
    }

    static ServiceLbSpec spec(Integer weight) {
        return ServiceLbSpec.builder(LB).groups(List.of(GroupPort.of("rsp-1", 80))).weight(weight).build();
    }
}
