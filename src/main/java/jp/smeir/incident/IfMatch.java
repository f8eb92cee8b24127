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

    /** The If-Match lines of a request, as one list (RFC 9110 §5.3); null when there is none or only blanks. */
    public static IfMatch of(java.util.List<String> lines) {
        String joined = lines == null ? "" : String.join(", ", lines.stream().filter(l -> l != null && !l.isBlank()).toList());
        return joined.isEmpty() ? null : parse(joined);
    }

    /** The If-Match lines of a request that needs them; 428 naming the incident when there is none. */
    public static IfMatch required(java.util.List<String> lines, java.util.UUID incidentId) {
        IfMatch ifMatch = of(lines);
        if (ifMatch == null) {
            throw new ProblemException(428, "if-match-required", "Precondition Required",
                    "Send If-Match with the ETag from GET /api/v1/incidents/" + incidentId + ".");
        }
        return ifMatch;
    }

    private static IfMatch parse(String header) {
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
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            // the digits of a version, nothing else ("3""4" or "+3" is no ETag this service gives: it matches none)
            if (!tag.isEmpty() && tag.length() <= 18 && tag.chars().allMatch(c -> c >= '0' && c <= '9')) {
                versions.add(Long.parseLong(tag));
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
