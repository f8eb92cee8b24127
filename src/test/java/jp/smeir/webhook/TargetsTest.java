package jp.smeir.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** No delivery to an internal address unless the operator names the host (server-side request forgery). */
class TargetsTest {

    final Targets anyPublicHost = new Targets(Optional.empty());

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook", "http://127.8.9.10/hook", "http://localhost:8080/hook", "http://[::1]/hook",
            "http://169.254.169.254/latest/meta-data", "http://[fe80::1]/hook",
            "http://10.1.2.3/hook", "http://172.16.0.1/hook", "http://172.31.255.255/hook", "http://192.168.1.1/hook",
            "http://[fd12:3456:789a::1]/hook", "http://[fc00::1]/hook", "http://100.64.0.1/hook", "http://0.0.0.0/hook",
            "http://[::]/hook", "http://[::ffff:10.0.0.1]/hook", "http://[::127.0.0.1]/hook", "http://224.0.0.1/hook",
            "http://2130706433/hook", "http://0x7f000001/hook"})
    void anInternalAddressIsRefused(String url) {
        assertThat(anyPublicHost.refusal(URI.create(url))).as(url).isPresent()
                .hasValueSatisfying(why -> assertThat(why).matches("points to an internal address .*|has a host that does not resolve .*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/hook", "https://8.8.8.8/hook", "http://172.32.0.1/hook", "http://100.128.0.1/hook",
            "http://[2001:4860:4860::8888]/hook"})
    void aPublicAddressIsAllowed(String url) {
        assertThat(anyPublicHost.refusal(URI.create(url))).as(url).isEmpty();
    }

    @Test
    void onlyAHostNamedExactlyMayBeInternal() {
        Targets targets = new Targets(Optional.of(List.of("127.0.0.1", " Hooks.Example.net ", "*.example.org", "localhost")));
        assertThat(targets.refusal(URI.create("http://127.0.0.1:9/h"))).isEmpty();
        assertThat(targets.refusal(URI.create("http://LOCALHOST:9/h"))).isEmpty();
        assertThat(targets.refusal(URI.create("http://127.0.0.2:9/h"))).hasValueSatisfying(why -> assertThat(why).startsWith("must point to an allowed host"));
        assertThat(targets.refusal(URI.create("http://10.0.0.1/h"))).hasValueSatisfying(why -> assertThat(why).startsWith("must point to an allowed host"));
        assertThat(targets.refusal(URI.create("http://other.example.com/h"))).hasValueSatisfying(why -> assertThat(why).startsWith("must point to an allowed host"));
    }

    @Test
    void aWildcardAdmitsADomainsPublicHostsNotAnInternalAddressBehindOneOfItsNames() throws Exception {
        java.util.Map<String, String> dns = java.util.Map.of("hooks.example.org", "93.184.215.14", "intranet.example.org", "10.0.0.5",
                "hooks.example.net", "192.168.0.9");
        Targets targets = new Targets(Optional.of(List.of("*.example.org", "hooks.example.net")), host -> {
            if (!dns.containsKey(host)) {
                throw new java.net.UnknownHostException(host);
            }
            return new java.net.InetAddress[] {java.net.InetAddress.getByName(dns.get(host))};
        });
        assertThat(targets.refusal(URI.create("https://hooks.example.org/h"))).isEmpty();
        assertThat(targets.refusal(URI.create("https://intranet.example.org/h"))).hasValue(
                "points to an internal address (10.0.0.5); only a host named in incident.webhooks.allowed-hosts may");
        assertThat(targets.refusal(URI.create("https://hooks.example.net/h"))).as("named exactly").isEmpty();
        assertThat(targets.refusal(URI.create("https://gone.example.org/h"))).hasValue("has a host that does not resolve (gone.example.org)");
    }

    @Test
    void noHostIsRefused() {
        assertThat(anyPublicHost.refusal(URI.create("http:/relative"))).hasValue("has no host");
    }
}
