package jp.smeir.webhook;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where deliveries may go. By default anywhere; {@code incident.webhooks.allowed-hosts} limits them to the
 * listed host names or addresses (a leading {@code *.} allows a domain's sub-hosts), so that a subscription
 * cannot turn the service into a client of internal hosts it should not reach. Checked when a subscription
 * is made and again before every send, in case the list was narrowed since.
 */
@ApplicationScoped
public class Targets {

    private final List<String> allowed;

    public Targets(@ConfigProperty(name = "incident.webhooks.allowed-hosts") Optional<List<String>> allowed) {
        this.allowed = allowed.orElse(List.of()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** The URL's host is allowed (always, when no list is configured). */
    public boolean allows(URI url) {
        if (allowed.isEmpty()) {
            return true;
        }
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return allowed.stream().anyMatch(a -> a.startsWith("*.") ? h.endsWith(a.substring(1)) : h.equals(a));
    }

    /** For error messages: what is allowed. */
    public String describe() {
        return allowed.isEmpty() ? "any host" : String.join(", ", allowed);
    }
}
