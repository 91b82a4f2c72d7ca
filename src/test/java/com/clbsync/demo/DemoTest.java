package com.clbsync.demo;

import com.clbsync.plan.Backend;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTest {

    @Test
    void runsEveryStepAndEndsConvergedWithTheSharesAskedFor() throws Exception {
        StringWriter text = new StringWriter();
        DemoResult r = Demo.run(new PrintWriter(text));

        List<Map<String, Long>> calls = r.callsPerStep();
        assertThat(calls).hasSize(19);
        assertThat(calls.get(0)).containsExactly(Map.entry("AddVServerGroupBackendServers", 1L),
                Map.entry("DescribeVServerGroupAttribute", 1L));
        assertThat(calls.get(2)).containsEntry("AddVServerGroupBackendServers", 2L).containsEntry("SetVServerGroupAttribute", 1L)
                .doesNotContainKey("RemoveVServerGroupBackendServers");
        assertThat(calls.get(5)).containsExactly(Map.entry("DescribeVServerGroupAttribute", 2L));

        List<Backend> g1 = r.finalGroups().get(Demo.GROUP_1);
        assertThat(g1).contains(Demo.HAND_1, Demo.HAND_2).hasSize(22);
        String printed = text.toString();
        String[] steps = printed.split("\n== Step ");
        assertThat(steps[2]).as("step 2").containsPattern("cluster-a/default/service-a +20\\.0% +(19\\.[5-9]|20\\.[0-4])%");
        assertThat(calls.get(6)).containsEntry("DescribeNetworkInterfaces", 1L).containsEntry("AddVServerGroupBackendServers", 1L);
        List<Backend> g3 = r.finalGroups().get(Demo.GROUP_3);
        assertThat(g3).extracting(b -> b.type().key() + " " + b.serverId() + "/" + b.serverIp() + ":" + b.port())
                .contains("eni eni-bp1democ001/10.99.0.1:8080", "eni eni-bp1democ003/10.99.0.3:8080").hasSize(5);
        long eni = g3.stream().filter(b -> b.type() == com.clbsync.plan.BackendType.ENI).mapToLong(Backend::weight).sum();
        assertThat((double) eni / g3.stream().mapToLong(Backend::weight).sum()).isBetween(0.295, 0.305);

        assertThat(calls.get(7)).containsEntry("AddServersToServerGroup", 1L).containsKey("ListAsynJobs")
                .doesNotContainKey("RemoveServersFromServerGroup");
        assertThat(steps[8]).as("step 7").containsPattern("cluster-a/default/service-a-nlb +20\\.0% +(19\\.[5-9]|20\\.[0-4])%");
        assertThat(r.finalGroups().get(Demo.SERVER_GROUP)).contains(Demo.HAND_3);
        assertThat(printed).contains("== Step 5.").contains("the CCM's arithmetic").contains("hand-added")
                .contains("CLB calls, in order: DescribeVServerGroupAttribute x 2\n")
                .contains("CLB calls, in order: DescribeVServerGroupAttribute x 1, AddVServerGroupBackendServers x 1\n")
                .contains("vServer group " + Demo.GROUP_2 + ": unchanged since step 4b");
        assertThat(printed.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Demo.WIDTH));
        List<String> headings = printed.lines().filter(l -> l.startsWith("== Step ")).map(l -> l.substring(0, l.indexOf('.')))
                .collect(java.util.stream.Collectors.toList());
        assertThat(headings).doesNotHaveDuplicates().hasSize(19);
        // every step shows the shares, wanted and achieved
        assertThat(java.util.Arrays.asList(printed.split("\n== Step ")).subList(1, 20))
                .allSatisfy(step -> assertThat(step).contains("wanted  achieved"));
    }

    @Test
    void theMigrationRampsTwentyPointsARunWaitsForTheHealthCheckAndRetiresClusterA() throws Exception {
        StringWriter text = new StringWriter();
        DemoResult r = Demo.run(new PrintWriter(text));
        String printed = text.toString();
        String[] steps = printed.split("\n== Step ");
        String waiting = java.util.Arrays.stream(steps).filter(s -> s.startsWith("8d.")).findFirst().orElseThrow();
        assertThat(waiting.replaceAll("\\s+", " ")).contains("has 0 of 2 backends normal in the health check")
                .contains("health: cluster-b/default/shop: 0/2 healthy").contains("unchanged since step 8c");
        for (String label : List.of("8e.", "8f.", "8g.", "8h.", "8i.")) {
            String step = java.util.Arrays.stream(steps).filter(s -> s.startsWith(label)).findFirst().orElseThrow();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("ramp: cluster-b/default/shop: ([0-9.]+)% -> ([0-9.]+)%")
                    .matcher(step);
            assertThat(m.find()).as(label).isTrue();
            assertThat(Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(1))).as(label).isBetween(0.0, 20.0);
        }
        List<Backend> g4 = r.finalGroups().get(Demo.GROUP_4);
        assertThat(g4).extracting(Backend::serverId).allMatch(id -> id.contains("demob")).hasSize(2);
        assertThat(r.finalGroups().get(Demo.GROUP_2)).extracting(Backend::serverId).noneMatch(id -> id.contains("demoa"));
        assertThat(r.finalGroups().get(Demo.SERVER_GROUP)).contains(Demo.HAND_3).extracting(Backend::serverId)
                .noneMatch(id -> id.contains("demoa"));
        assertThat(r.finalGroups().get(Demo.GROUP_1)).as("not visited: A's backends stay, beside the hand-added ones")
                .contains(Demo.HAND_1, Demo.HAND_2).hasSize(22);
        assertThat(printed).contains("note: retired owner cluster-a.").doesNotContain("Exception");
    }
}
