package com.clbsync.redact;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place every outward text passes (reports, log lines, Events, exception messages from the
 * cloud, check): a gateway's echo of the "string to sign" is cut, and the values of AccessKeyId,
 * SecurityToken, Signature, bearer tokens and URL passwords are masked, in plain and URL-encoded
 * form. A cloud error keeps its code, HTTP status and request id. Pure and stateless.
 */
public final class Redactor {
    static final String MASK = "***";
    /** A gateway echoes the canonical request it signed: it holds the AccessKey id and, for RPC calls, the STS token. */
    private static final Pattern STRING_TO_SIGN = Pattern.compile("(?i)string[ _-]?to[ _-]?sign");
    private static final Pattern KEYED = Pattern.compile(
            "(?i)(\"?(?<![A-Za-z])(?:AccessKeyId|AccessKeySecret|SecurityToken|Signature|x-acs-security-token|x-acs-signature|"
                    + "authorization)\"?\\s*(?:=|:|%3D)\\s*\"?)(?:Bearer\\s+|acs\\s+)?((?:(?!%26)[^\\s\"&,;}])+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bBearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/\\s@:]+:[^/\\s@]+@");

    private Redactor() {
    }

    /** {@code text} with every credential this class recognises masked, and anything after a string to sign cut. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        Matcher sts = STRING_TO_SIGN.matcher(out);
        if (sts.find()) {
            int lineEnd = out.indexOf('\n', sts.start());
            out = out.substring(0, sts.start()) + "[string to sign removed]" + (lineEnd < 0 ? "" : out.substring(lineEnd));
        }
        out = KEYED.matcher(out).replaceAll("$1" + MASK);
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        out = URL_PASSWORD.matcher(out).replaceAll("$1" + MASK + "@");
        return out;
    }

    /**
     * What a failure says, fit to show: the first line of its message (later lines of a parser's or an SDK's
     * message quote what it read, which may hold a credential), redacted; its class name when it has none.
     */
    public static String firstLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return redact(nl < 0 ? m : m.substring(0, nl));
    }

    /** A writer that redacts every text written through it (the command line's standard output and error). */
    public static PrintWriter writer(Writer target) {
        return new PrintWriter(target, true) {
            @Override
            public void write(String s, int off, int len) {
                String r = redact(s.substring(off, off + len));
                super.write(r, 0, r.length());
            }
        };
    }
}
