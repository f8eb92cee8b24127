package jp.smeir.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;

import jp.smeir.problem.ProblemException;

/**
 * Limits on what one request may ask: the size of its body (413) and, per authenticated principal, how many
 * writes it may make (429 with Retry-After). Both answer problem+json through the one exception mapper. A
 * declared Content-Length is checked as the request arrives; a body sent without one is counted as it is read
 * ({@link BodyLimit}).
 */
public class RequestLimits {

    /** Requests that store nothing are not writes, however they are sent. */
    private static final Set<String> NOT_WRITES = Set.of("/api/v1/assessments", "/api/v1/scenarios/run");

    @ConfigProperty(name = "incident.http.max-body-size", defaultValue = "256K")
    MemorySize maxBody;

    @ConfigProperty(name = "incident.rate-limit.enabled", defaultValue = "true")
    boolean rateLimited;

    @ConfigProperty(name = "incident.rate-limit.writes-per-minute", defaultValue = "600")
    int writesPerMinute;

    @ConfigProperty(name = "incident.rate-limit.burst", defaultValue = "100")
    int burst;

    @Inject
    SecurityIdentity identity;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @ServerRequestFilter(preMatching = true)
    public void limitBody(ContainerRequestContext request) {
        long limit = maxBody.asLongValue();
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw new ProblemException(400, "bad-request", "Bad Request", "Content-Length is not a number.");
            }
        }
    }

    /**
     * Counts the bytes of a body as its reader takes them, failing past the limit. It wraps the stream when the
     * body is read, not when the request arrives: for a non-blocking endpoint Quarkus first buffers a small body
     * (or hands a large one to a worker thread), and a stream taken earlier would read the connection on the
     * event loop.
     */
    @Provider
    public static class BodyLimit implements ReaderInterceptor {

        @ConfigProperty(name = "incident.http.max-body-size", defaultValue = "256K")
        MemorySize maxBody;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            context.setInputStream(new Limited(context.getInputStream(), maxBody.asLongValue()));
            return context.proceed();
        }
    }

    @ServerRequestFilter
    public void limitWrites(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!rateLimited || !(method.equals("POST") || method.equals("PUT") || method.equals("DELETE") || method.equals("PATCH"))) {
            return;
        }
        String path = request.getUriInfo().getPath();
        // the same resource answers with a trailing slash
        String resource = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!path.startsWith("/api/v1/") || NOT_WRITES.contains(resource) || identity.isAnonymous()) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(identity.getPrincipal().getName(), k -> new Bucket(burst, writesPerMinute / 60.0));
        long waitNanos = bucket.take();
        if (waitNanos > 0) {
            long seconds = Math.max(1, Duration.ofNanos(waitNanos).toSeconds() + 1);
            throw new ProblemException(429, "rate-limited", "Too Many Requests",
                    "Too many writes by " + identity.getPrincipal().getName() + "; retry in " + seconds + " s.",
                    java.util.List.of(), Map.of("retryAfterSeconds", seconds));
        }
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "body-too-large", "Payload Too Large", "The request body is larger than " + limit + " bytes.");
    }

    /** A token bucket: {@code capacity} writes at once, refilled at {@code perSecond}. */
    static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(int capacity, double perSecond) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.tokens = capacity;
        }

        /** Takes a token; returns 0, or how long until one is available. */
        synchronized long take() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) / perNano);
        }
    }

    /** Fails the read once more than {@code limit} bytes came: for bodies sent without a Content-Length. */
    static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
