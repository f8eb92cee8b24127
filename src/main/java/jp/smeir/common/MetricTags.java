package jp.smeir.common;

import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Keeps the HTTP metrics bounded whatever a client sends: a method name outside the standard ones is tagged
 * {@code OTHER}, so made-up methods (which anyone may send, unauthenticated) add no series, and a path that no
 * resource matched is tagged {@code UNMATCHED} instead of the raw path (Quarkus caps those at 100 values, but
 * each still multiplied the method and status series until then).
 */
public class MetricTags {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    @Produces
    @Singleton
    MeterFilter boundedHttpMethods() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream().map(t -> bounded(t, id.getTag("status"))).toList());
            }
        };
    }

    private static Tag bounded(Tag tag, String status) {
        if (tag.getKey().equals("method") && !METHODS.contains(tag.getValue())) {
            return Tag.of("method", "OTHER");
        }
        // a path no resource template matched (404, or 405 for a method no resource takes) is the client's raw
        // path, not a template: one value for all of them
        if (tag.getKey().equals("uri") && ("404".equals(status) || "405".equals(status)) && tag.getValue().indexOf('{') < 0) {
            return Tag.of("uri", "UNMATCHED");
        }
        return tag;
    }
}
