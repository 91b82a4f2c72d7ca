package com.clbsync.fc;

import com.clbsync.sync.ObjectKind;
import com.clbsync.sync.ObjectRef;
import com.clbsync.sync.SyncScope;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRecordsTest {

    @Test
    void keepsWritesOfServicesSlicesEndpointsFlattenedOrNested() {
        SyncScope s = AuditRecords.scope("a", List.of(
                Map.of("verb", "update", "objectRef.resource", "endpointslices", "objectRef.namespace", "default",
                        "objectRef.name", "web-x7k2p"),
                Map.of("verb", "delete", "objectRef", "{\"resource\":\"services\",\"namespace\":\"shop\",\"name\":\"web\"}"),
                Map.of("verb", "patch", "objectRef.resource", "endpoints", "objectRef.namespace", "default", "objectRef.name", "api")));
        assertThat(s.clusters()).isEmpty();
        assertThat(s.objects()).containsExactlyInAnyOrder(ObjectRef.of("a", ObjectKind.ENDPOINT_SLICE, "default", "web-x7k2p"),
                ObjectRef.of("a", ObjectKind.SERVICE, "shop", "web"), ObjectRef.of("a", ObjectKind.ENDPOINTS, "default", "api"));
    }

    @Test
    void aNodeWriteNamesTheNodeAndACollectionDeleteCallsForTheWholeCluster() {
        SyncScope node = AuditRecords.scope("a", List.of(Map.of("verb", "patch", "objectRef.resource", "nodes", "objectRef.name", "n1")));
        assertThat(node.objects()).as("every group of its cluster, the Node alone read again")
                .containsExactly(ObjectRef.of("a", ObjectKind.NODE, "", "n1"));
        assertThat(node.clusters()).isEmpty();
        assertThat(AuditRecords.scope("a", List.of(Map.of("verb", "deletecollection", "objectRef.resource", "services")))
                .clusters()).containsExactly("a");
    }

    @Test
    void readsAndOtherResourcesAreIgnored() {
        SyncScope s = AuditRecords.scope("a", List.of(
                Map.of("verb", "get", "objectRef.resource", "services", "objectRef.name", "web"),
                Map.of("verb", "watch", "objectRef.resource", "nodes"),
                Map.of("verb", "update", "objectRef.resource", "configmaps", "objectRef.name", "x"),
                Map.of("verb", "update", "objectRef", "not json")));
        assertThat(s.isEmpty()).isTrue();
    }

    @Test
    void aRecordIsReducedToVerbObjectReferenceAndTime() {
        Map<String, String> pulled = Map.of("verb", "update", "objectRef", "{\"resource\":\"services\",\"namespace\":\"shop\","
                + "\"name\":\"web\",\"uid\":\"u1\"}", "stageTimestamp", "2026-12-02T10:00:00Z",
                "requestObject", "{\"metadata\":{\"annotations\":{\"blob\":\"" + "z".repeat(250_000) + "\"}}}",
                "user.username", "tenant");

        assertThat(AuditRecords.reduced(pulled::get)).containsOnly(Map.entry("verb", "update"),
                Map.entry("objectRef.resource", "services"), Map.entry("objectRef.namespace", "shop"),
                Map.entry("objectRef.name", "web"), Map.entry("stageTimestamp", "2026-12-02T10:00:00Z"));
        assertThat(AuditRecords.scope("a", List.of(AuditRecords.reduced(pulled::get))).objects())
                .containsExactly(ObjectRef.of("a", ObjectKind.SERVICE, "shop", "web"));
    }
}
