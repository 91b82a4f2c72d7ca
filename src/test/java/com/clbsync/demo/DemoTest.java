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
        assertThat(calls).hasSize(8);
        assertThat(calls.get(0)).containsExactly(Map.entry("AddVServerGroupBackendServers", 1L),
                Map.entry("DescribeVServerGroupAttribute", 1L));
        assertThat(calls.get(2)).containsEntry("AddVServerGroupBackendServers", 2L).containsEntry("SetVServerGroupAttribute", 1L)
                .doesNotContainKey("RemoveVServerGroupBackendServers");
        assertThat(calls.get(5)).containsExactly(Map.entry("DescribeVServerGroupAttribute", 2L));

        List<Backend> g1 = r.finalGroups().get(Demo.GROUP_1);
        assertThat(g1).contains(Demo.HAND_1, Demo.HAND_2).hasSize(22);
        List<Backend> g2 = r.finalGroups().get(Demo.GROUP_2);
        long a = g2.stream().filter(b -> b.serverId().contains("demoa")).mapToLong(Backend::weight).sum();
        long all = g2.stream().mapToLong(Backend::weight).sum();
        assertThat((double) a / all).isBetween(0.195, 0.205);

        assertThat(calls.get(6)).containsEntry("DescribeNetworkInterfaces", 1L).containsEntry("AddVServerGroupBackendServers", 1L);
        List<Backend> g3 = r.finalGroups().get(Demo.GROUP_3);
        assertThat(g3).extracting(b -> b.type().key() + " " + b.serverId() + "/" + b.serverIp() + ":" + b.port())
                .contains("eni eni-bp1democ001/10.99.0.1:8080", "eni eni-bp1democ003/10.99.0.3:8080").hasSize(5);
        long eni = g3.stream().filter(b -> b.type() == com.clbsync.plan.BackendType.ENI).mapToLong(Backend::weight).sum();
        assertThat((double) eni / g3.stream().mapToLong(Backend::weight).sum()).isBetween(0.295, 0.305);

        assertThat(calls.get(7)).containsEntry("AddServersToServerGroup", 1L).containsKey("ListAsynJobs")
                .doesNotContainKey("RemoveServersFromServerGroup");
        List<Backend> nlb = r.finalGroups().get(Demo.SERVER_GROUP);
        assertThat(nlb).contains(Demo.HAND_3).hasSize(23);
        long nlbA = nlb.stream().filter(b -> b.serverId().contains("demoa")).mapToLong(Backend::weight).sum();
        long nlbManaged = nlb.stream().filter(b -> !b.equals(Demo.HAND_3)).mapToLong(Backend::weight).sum();
        assertThat((double) nlbA / nlbManaged).isBetween(0.195, 0.205);

        String printed = text.toString();
        assertThat(printed).contains("== Step 5.").contains("the CCM's arithmetic").contains("hand-added")
                .contains("CLB calls, in order: DescribeVServerGroupAttribute x 2\n")
                .contains("CLB calls, in order: DescribeVServerGroupAttribute x 1, AddVServerGroupBackendServers x 1\n")
                .contains("vServer group " + Demo.GROUP_2 + ": unchanged since step 4b");
        assertThat(printed.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Demo.WIDTH));
        List<String> headings = printed.lines().filter(l -> l.startsWith("== Step ")).map(l -> l.substring(0, l.indexOf('.')))
                .collect(java.util.stream.Collectors.toList());
        assertThat(headings).doesNotHaveDuplicates().hasSize(8);
        // every step shows the shares, wanted and achieved
        assertThat(java.util.Arrays.asList(printed.split("\n== Step ")).subList(1, 9))
                .allSatisfy(step -> assertThat(step).contains("wanted  achieved"));
    }
}
