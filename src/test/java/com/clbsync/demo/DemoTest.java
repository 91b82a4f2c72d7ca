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
        Demo.DemoResult r = Demo.run(new PrintWriter(text));

        List<Map<String, Long>> calls = r.callsPerStep();
        assertThat(calls).hasSize(6);
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

        String printed = text.toString();
        assertThat(printed).contains("== Step 5.").contains("the CCM's arithmetic").contains("hand-added")
                .contains("CLB calls, in order: DescribeVServerGroupAttribute x 2\n")
                .contains("CLB calls, in order: DescribeVServerGroupAttribute x 1, AddVServerGroupBackendServers x 1\n")
                .contains("vServer group " + Demo.GROUP_2 + ": unchanged since step 4b");
        assertThat(printed.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(Demo.WIDTH));
        List<String> headings = printed.lines().filter(l -> l.startsWith("== Step ")).map(l -> l.substring(0, l.indexOf('.')))
                .collect(java.util.stream.Collectors.toList());
        assertThat(headings).doesNotHaveDuplicates().hasSize(6);
        // every step shows the shares, wanted and achieved
        assertThat(java.util.Arrays.asList(printed.split("\n== Step ")).subList(1, 7))
                .allSatisfy(step -> assertThat(step).contains("wanted  achieved"));
    }
}
