package jp.smeir.incident;

import java.util.LinkedHashSet;
import java.util.Set;

import jp.smeir.problem.ProblemException;

/**
 * An If-Match header (RFC 9110 §13.1.1) as incident versions: {@code *} matches whatever version the incident
 * is at, a list ({@code "3", "4"}) matches any version it names. Tags are read leniently ({@code "3"},
 * {@code W/"3"} or {@code 3}); one that names no version matches nothing.
 */
public record IfMatch(String header, boolean any, Set<Long> versions) {

    public static IfMatch parse(String header) {
        Set<Long> versions = new LinkedHashSet<>();
        boolean any = false;
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.equals("*")) {
                any = true;
                continue;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            try {
                versions.add(Long.parseLong(tag.replace("\"", "")));
            } catch (NumberFormatException e) {
                // not an ETag this service gives: it matches no version
            }
        }
        if (!any && versions.isEmpty()) {
            throw new ProblemException(412, "stale-version", "Precondition Failed",
                    "If-Match " + header + " is not an ETag of this incident.");
        }
        return new IfMatch(header, any, Set.copyOf(versions));
    }

    /** @throws ProblemException 412 when the incident's version is not one the header names */
    void require(long current) {
        if (!any && !versions.contains(current)) {
            throw new ProblemException(412, "stale-version", "Precondition Failed",
                    "If-Match " + header.strip() + " does not name version " + current + ", the incident's current one; GET it again and retry.");
        }
    }
}
