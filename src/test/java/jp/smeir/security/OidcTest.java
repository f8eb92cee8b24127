package jp.smeir.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

import jp.smeir.support.Incidents;
import jp.smeir.support.TestIssuer;

/**
 * OIDC bearer tokens as production uses them, from a test issuer that serves a real discovery document and JWKS:
 * the {@code groups} claim gives the role, a token without a role is 403, an expired or forged one 401, and the
 * history names the token's user. HTTP Basic keeps working beside it.
 */
@QuarkusTest
@TestProfile(OidcTest.WithIssuer.class)
class OidcTest {

    public static class WithIssuer implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestIssuer.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "true");
        }
    }

    static String issuer() {
        return ConfigProvider.getConfig().getValue("test.oidc.issuer", String.class);
    }

    static String token(String user, List<String> groups) {
        PrivateKey key = TestIssuer.privateKey(ConfigProvider.getConfig().getValue("test.oidc.signing-key", String.class));
        return TestIssuer.token(key, issuer(), user, groups, Instant.now().plusSeconds(600));
    }

    static RequestSpecification bearer(String token) {
        return given().auth().none().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    @ParameterizedTest(name = "groups [{0}] {1} {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "reporter | GET  | /api/v1/incidents    | 200",
            "reporter | GET  | /api/v1/rules        | 403",
            "analyst  | GET  | /api/v1/rules        | 200",
            "analyst  | GET  | /api/v1/webhooks     | 403",
            "admin    | GET  | /api/v1/webhooks     | 200",
            "staff    | GET  | /api/v1/incidents    | 403",
            "''       | GET  | /api/v1/ping         | 403"})
    void theGroupsClaimGivesTheRole(String group, String method, String path, int status) {
        List<String> groups = group.isEmpty() ? List.of() : List.of(group);
        bearer(token("oidc-" + (group.isEmpty() ? "nobody" : group), groups)).request(method, path).then().statusCode(status);
    }

    @Test
    void anExpiredTokenIs401() {
        PrivateKey key = TestIssuer.privateKey(ConfigProvider.getConfig().getValue("test.oidc.signing-key", String.class));
        String expired = TestIssuer.token(key, issuer(), "late", List.of("admin"), Instant.now().minusSeconds(3600));
        bearer(expired).get("/api/v1/incidents").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        String forged = TestIssuer.token(TestIssuer.newKeyPair().getPrivate(), issuer(), "mallory", List.of("admin"),
                Instant.now().plusSeconds(600));
        bearer(forged).get("/api/v1/incidents").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        PrivateKey key = TestIssuer.privateKey(ConfigProvider.getConfig().getValue("test.oidc.signing-key", String.class));
        String foreign = TestIssuer.token(key, "http://127.0.0.1:9/realms/other", "eve", List.of("admin"), Instant.now().plusSeconds(600));
        bearer(foreign).get("/api/v1/incidents").then().statusCode(401);
    }

    @Test
    void theHistoryRecordsTheTokensUser() {
        String location = bearer(token("suzuki@example.co.jp", List.of("reporter"))).body(Incidents.misdelivery(3, "OIDC"))
                .post("/api/v1/incidents").then().statusCode(201).extract().header("Location");
        bearer(token("suzuki@example.co.jp", List.of("reporter"))).get(location + "/history").then().statusCode(200)
                .body("actor", everyItem(is("suzuki@example.co.jp")));
    }

    @Test
    void basicAuthStillWorksBesideTokens() {
        given().auth().preemptive().basic("analyst", "analyst-pass").get("/api/v1/rules").then().statusCode(200);
        given().auth().none().get("/api/v1/incidents").then().statusCode(401);
    }
}
