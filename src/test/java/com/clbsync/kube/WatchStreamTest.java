package com.clbsync.kube;

import com.clbsync.model.KubeNode;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatchStreamTest {
    private static final String NODE = "{\"kind\":\"Node\",\"metadata\":{\"name\":\"%s\"},\"spec\":{\"providerID\":\"cn-hangzhou.i-%s\"}}";

    private static Response answer(int code, String body) {
        return new Response.Builder().request(new Request.Builder().url("http://127.0.0.1/api/v1/nodes?watch=true").build())
                .protocol(Protocol.HTTP_1_1).code(code).message("x")
                .body(ResponseBody.create(body, MediaType.get("application/json"))).build();
    }

    private static WatchStream.Changes<KubeNode> read(String body, LongAdder bytes) throws ClusterReadException {
        return WatchStream.read("watch nodes", answer(200, body), KubeObjects::node, KubeNode::name, bytes);
    }

    private static String event(String type, String name) {
        return "{\"type\":\"" + type + "\",\"object\":" + String.format(NODE, name, name) + "}\n";
    }

    @Test
    void collectsTheLatestStateOfEveryObjectChangedUntilTheBookmark() throws Exception {
        LongAdder bytes = new LongAdder();
        String body = event("ADDED", "n1") + event("MODIFIED", "n2") + event("DELETED", "n3") + event("DELETED", "n1")
                + "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Node\",\"metadata\":{\"resourceVersion\":\"42\"}}}\n"
                + event("ADDED", "after-the-bookmark");
        WatchStream.Changes<KubeNode> c = read(body, bytes);
        assertThat(c.bookmark).isEqualTo("42");
        assertThat(c.changed.keySet()).containsExactly("n1", "n2", "n3");
        assertThat(c.changed.get("n1")).as("added, then deleted").isEqualTo(Optional.empty());
        assertThat(c.changed.get("n2")).hasValueSatisfying(n -> assertThat(n.providerId()).isEqualTo("cn-hangzhou.i-n2"));
        assertThat(bytes.sum()).isPositive();
    }

    @Test
    void aCompactedHistoryIsAnExpiredFailure() {
        assertThatThrownBy(() -> read("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\"}}\n",
                new LongAdder())).isInstanceOf(ClusterReadException.class).hasMessageContaining("410 Expired")
                .hasMessageContaining("compacted")
                .satisfies(e -> assertThat(((ClusterReadException) e).kind()).isEqualTo(ClusterReadException.Kind.EXPIRED));
    }

    @Test
    void anAnswerWithoutABookmarkACutAnswerOrAnUnknownEventIsAFailure() {
        assertThatThrownBy(() -> read(event("ADDED", "n1"), new LongAdder())).hasMessageContaining("without a bookmark");
        assertThatThrownBy(() -> read("", new LongAdder())).hasMessageContaining("without a bookmark");
        assertThatThrownBy(() -> read(event("ADDED", "n1") + "{\"type\":\"MODIFIED\",\"object\":{\"metadata\":{\"na",
                new LongAdder())).hasMessageContaining("cut short");
        assertThatThrownBy(() -> read(event("RESYNC", "n1"), new LongAdder())).hasMessageContaining("unexpected watch event (RESYNC)");
        assertThatThrownBy(() -> read("{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{}}}\n", new LongAdder()))
                .hasMessageContaining("bookmark without a resourceVersion");
        assertThatThrownBy(() -> WatchStream.read("watch nodes", answer(403, "{}"), KubeObjects::node, KubeNode::name,
                new LongAdder())).hasMessageContaining("HTTP 403");
    }
}
