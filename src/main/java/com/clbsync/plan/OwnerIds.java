package com.clbsync.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The owner segment of the descriptions a cluster writes. Unless configured ({@code ownerId}), it is
 * derived from the cluster itself: {@code <entry name>.<tag>}, the tag being the first 8 hex digits of
 * its {@code kube-system} namespace's UID. The tag decides ownership (two deployments that both call
 * a cluster {@code cluster-a} never own each other's backends; a renamed entry keeps its own); the
 * name only tells people which entry wrote it.
 */
public final class OwnerIds {
    /** Hex digits of the UID in the tag: two clusters in one group share a tag with odds of 1 in 4 billion. */
    static final int TAG_LENGTH = 8;
    /** The name part is cut to this length, so that the segment fits {@link BackendDescription#MAX_OWNER_ID_LENGTH}. */
    static final int NAME_LENGTH = BackendDescription.MAX_OWNER_ID_LENGTH - TAG_LENGTH - 1;
    private static final Pattern DERIVED = Pattern.compile("([a-z0-9-]{1," + NAME_LENGTH + "})\\.([0-9a-f]{" + TAG_LENGTH + "})");
    private static final Pattern UID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private OwnerIds() {
    }

    /** The owner segment of the cluster configured as {@code name} whose kube-system UID is {@code identity}. */
    public static String derived(String name, String identity) {
        String n = name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
        return n + "." + tag(identity);
    }

    /** The owner segment a cluster writes: the configured one, else derived from its identity. */
    public static String of(Optional<String> configured, String name, String identity) {
        return configured.orElseGet(() -> derived(name, identity));
    }

    /** The tag of a cluster identity: its first 8 hex digits, lower case. */
    public static String tag(String identity) {
        String hex = identity.replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.length() < TAG_LENGTH || !hex.substring(0, TAG_LENGTH).matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("not a UID: " + identity.length() + " characters");
        }
        return hex.substring(0, TAG_LENGTH);
    }

    /** Whether {@code identity} is a UID as Kubernetes makes them (and as {@code check} prints them). */
    public static boolean isUid(String identity) {
        return UID.matcher(identity).matches();
    }

    /** The tag of a segment in the derived form, or empty for any other segment. */
    static Optional<String> tagOf(String segment) {
        Matcher m = DERIVED.matcher(segment);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The name part of a segment in the derived form, or empty for any other segment. */
    static Optional<String> nameOf(String segment) {
        Matcher m = DERIVED.matcher(segment);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The name as the derived form carries it (cut to its length). */
    static String namePart(String name) {
        return name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
    }
}
