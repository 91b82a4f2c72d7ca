package com.clbsync.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a node's {@code spec.providerID} ({@code [alicloud://]<region>.<instance id>}) to its ECS instance id. */
public final class InstanceIds {
    private static final Pattern PROVIDER_ID = Pattern.compile("(?:alicloud://)?([a-z0-9-]+)\\.(i-[A-Za-z0-9][A-Za-z0-9-]*)");

    private InstanceIds() {
    }

    public static Optional<String> fromProviderId(String providerId) {
        Matcher m = PROVIDER_ID.matcher(providerId == null ? "" : providerId.trim());
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
