package com.clbsync.config;

/**
 * Where clb-sync runs, and so which Alibaba Cloud endpoints answer it: from a VPC without internet
 * access (Function Compute with {@code internetAccess: false}) only the VPC endpoints do.
 */
public enum Network {
    PUBLIC("public"),
    VPC("vpc");

    private final String key;

    Network(String key) {
        this.key = key;
    }

    /** As in the configuration's {@code network}. */
    public String key() { return key; }

    /** The network a configuration's {@code network} names (an unknown one: public; the schema refuses it). */
    static Network of(String key) {
        return key.equals(VPC.key) ? VPC : PUBLIC;
    }

    /** The SLB API: {@code slb-vpc.<region>.aliyuncs.com} in a VPC, else empty (the SDK's endpoint for the region). */
    public String clbEndpoint(String region) {
        return this == VPC ? "slb-vpc." + region + ".aliyuncs.com" : "";
    }

    /** The ACK API (short-lived kubeconfigs): {@code cs-vpc.<region>.aliyuncs.com} in a VPC, else {@code cs.<region>...}. */
    public String ackEndpoint(String region) {
        return (this == VPC ? "cs-vpc." : "cs.") + region + ".aliyuncs.com";
    }

    /** The NLB API: {@code nlb-vpc.<region>.aliyuncs.com} in a VPC, else {@code nlb.<region>.aliyuncs.com}. */
    public String nlbEndpoint(String region) {
        return (this == VPC ? "nlb-vpc." : "nlb.") + region + ".aliyuncs.com";
    }

    /** The ECS API (ENI lookups): {@code ecs-vpc.<region>.aliyuncs.com} in a VPC, else empty (the SDK's endpoint). */
    public String ecsEndpoint(String region) {
        return this == VPC ? "ecs-vpc." + region + ".aliyuncs.com" : "";
    }

    /** Log Service, when a trigger event names none: {@code <region>-intranet.log.aliyuncs.com} in a VPC. */
    public String logEndpoint(String region) {
        return region + (this == VPC ? "-intranet" : "") + ".log.aliyuncs.com";
    }
}
