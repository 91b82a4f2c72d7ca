package com.clbsync.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CCM's backend descriptions, written on every backend clb-sync adds and read back to decide
 * ownership: on a CLB {@code k8s/<port>/<service>/<namespace>/<ownerId>}, on an NLB
 * {@code k8s.<port>.<protocol>.<service>.<namespace>.<ownerId>} (the CCM's NLB form).
 *
 * <p>The CLB allows at most 80 characters of letters, digits and {@code - / . _}. When the full form
 * is longer, service and namespace are shortened deterministically (prefixes plus a hash of the full
 * {@code namespace/service}); the port and owner id are always kept whole, so the owner is still known.
 * The NLB allows 256 characters: its form is never shortened.
 */
public final class BackendDescription {
    public static final int MAX_LENGTH = 80;
    /** Owner ids are limited so that a shortened description always has room for service and namespace. */
    public static final int MAX_OWNER_ID_LENGTH = 48;
    public static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9/._-]{0,80}");
    private static final Pattern FORM = Pattern.compile("k8s/(\\d{1,5})/([A-Za-z0-9._-]+)/([A-Za-z0-9._-]+)/([A-Za-z0-9._-]+)");
    /** The NLB form: port, protocol, service and namespace (DNS labels: no dots), then the owner id (which may have some). */
    private static final Pattern NLB_FORM = Pattern.compile("k8s\\.(\\d{1,5})\\.([A-Za-z]+)\\.([a-z0-9-]+)\\.([a-z0-9-]+)\\.([A-Za-z0-9._-]+)");
    private static final int HASH_LENGTH = 8;

    private BackendDescription() {
    }

    /** The description of a backend at {@code port} of the Service {@code namespace/service} owned by {@code ownerId}. */
    public static String format(int port, String service, String namespace, String ownerId) {
        String prefix = "k8s/" + port + "/";
        String suffix = "/" + ownerId;
        String full = prefix + service + "/" + namespace + suffix;
        if (full.length() <= MAX_LENGTH) {
            return full;
        }
        int budget = MAX_LENGTH - prefix.length() - suffix.length() - 1; // the slash between service and namespace
        String hash = hash(namespace + "/" + service);
        int nsLength = Math.min(namespace.length(), Math.max(1, (budget - HASH_LENGTH - 1) / 2));
        String ns = trimTrailingDash(namespace.substring(0, nsLength));
        int svcLength = Math.max(0, Math.min(service.length(), budget - ns.length() - HASH_LENGTH - 1));
        String svc = trimTrailingDash(service.substring(0, svcLength));
        return prefix + (svc.isEmpty() ? hash : svc + "-" + hash) + "/" + ns + suffix;
    }

    /** The description of a backend of a group of this kind; {@code protocol} counts on an NLB only. */
    public static String format(LbKind kind, int port, String protocol, String service, String namespace, String ownerId) {
        return kind == LbKind.NLB ? "k8s." + port + "." + protocol + "." + service + "." + namespace + "." + ownerId
                : format(port, service, namespace, ownerId);
    }

    /** The owner id of a description in either of the CCM's forms, or empty when it does not parse. */
    public static Optional<String> ownerOf(String description) {
        String d = description == null ? "" : description;
        Matcher m = FORM.matcher(d);
        if (m.matches()) {
            return Optional.of(m.group(4));
        }
        Matcher n = NLB_FORM.matcher(d);
        return n.matches() ? Optional.of(n.group(5)) : Optional.empty();
    }

    /**
     * Whether {@code description} names this Service, at whatever port and under whatever owner segment
     * (which cluster owns it is {@link Ownership}'s to say: a renamed entry's backends keep their old one
     * until rewritten).
     */
    public static boolean isOf(String description, ServiceRef service) {
        String d = description == null ? "" : description;
        Matcher m = FORM.matcher(d);
        if (m.matches()) {
            return d.equals(format(Integer.parseInt(m.group(1)), service.name(), service.namespace(), m.group(4)));
        }
        Matcher n = NLB_FORM.matcher(d);
        return n.matches() && n.group(3).equals(service.name()) && n.group(4).equals(service.namespace());
    }

    /** Whether {@code description} is exactly what this Service writes (its owner segment included), at whatever port. */
    public static boolean isWrittenFor(String description, ServiceRef service) {
        return isOf(description, service) && ownerOf(description).equals(Optional.of(service.ownerId()));
    }

    private static String trimTrailingDash(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '-' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; sb.length() < HASH_LENGTH; i++) {
                sb.append(String.format("%02x", digest[i]));
            }
            return sb.substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
