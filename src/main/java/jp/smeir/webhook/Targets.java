package jp.smeir.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where deliveries may go, so that a subscription cannot make the service a client of hosts it should not
 * reach (server-side request forgery). {@code incident.webhooks.allowed-hosts}, when set, limits deliveries to
 * the hosts it lists (a leading {@code *.} allows a domain's sub-hosts). Wherever they go, a host that resolves
 * to a loopback, link-local, private, unique-local, shared (100.64/10), unspecified or multicast address is
 * refused unless the list names it exactly: an internal receiver is an operator's decision, not a subscriber's.
 * Checked when a subscription is made or changed and again before every attempt, because the list may have
 * been narrowed and a name may resolve elsewhere since (the HTTP client resolves once more when it connects;
 * a receiver behind an egress proxy that filters internal addresses closes that last gap).
 */
@ApplicationScoped
public class Targets {

    /** Name resolution, replaceable in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowed;
    private final Resolver resolver;

    @jakarta.inject.Inject
    public Targets(@ConfigProperty(name = "incident.webhooks.allowed-hosts") Optional<List<String>> allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    Targets(Optional<List<String>> allowed, Resolver resolver) {
        this.allowed = allowed.orElse(List.of()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        this.resolver = resolver;
    }

    /** Why deliveries may not go to this URL, in words that follow "the URL"; empty when they may. */
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("has no host");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean named = allowed.contains(h);
        if (named) {
            return Optional.empty();
        }
        String name = h;
        if (!allowed.isEmpty() && allowed.stream().noneMatch(a -> a.startsWith("*.") && name.endsWith(a.substring(1)))) {
            return Optional.of("must point to an allowed host (" + String.join(", ", allowed) + ")");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(h);
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of("has a host that does not resolve (" + h + ")");
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of("points to an internal address (" + address.getHostAddress()
                        + "); only a host named in incident.webhooks.allowed-hosts may");
            }
        }
        return Optional.empty();
    }

    /** Loopback, link-local, private (RFC 1918, site-local), unique-local (fc00::/7), shared, unspecified or multicast. */
    static boolean internal(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && (second & 0xc0) == 64);   // "this network" 0/8, shared 100.64/10
        }
        boolean embedsIpv4 = true;   // ::a.b.c.d (IPv4-compatible): the IPv4 address may be an internal one
        for (int i = 0; i < 10; i++) {
            embedsIpv4 &= b[i] == 0;
        }
        return embedsIpv4 || (b[0] & 0xfe) == 0xfc;
    }
}
