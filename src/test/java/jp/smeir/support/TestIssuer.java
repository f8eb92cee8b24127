package jp.smeir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An OpenID Connect issuer for tests: a real HTTP server on loopback serving the discovery document and a JWKS
 * with one RSA key, and RS256 tokens signed with that key. Written from the JWT (RFC 7519), JWS (RFC 7515) and
 * JWK (RFC 7517) texts, not from the service's code. As a test resource it points the service's OIDC tenant at
 * itself and hands the test its signing key through the config property {@code test.oidc.signing-key}.
 */
public final class TestIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String KEY_ID = "test-key-1";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        KeyPair keys = newKeyPair();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> json(exchange, """
                {"issuer": "%s", "jwks_uri": "%s/jwks", "token_endpoint": "%s/token", "authorization_endpoint": "%s/auth",
                 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer, issuer, issuer, issuer)));
        server.createContext("/realms/test/jwks", exchange -> json(exchange, jwks((RSAPublicKey) keys.getPublic())));
        server.start();
        return Map.of("quarkus.oidc.tenant-enabled", "true",
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.token.issuer", issuer,
                "test.oidc.issuer", issuer,
                "test.oidc.signing-key", Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A signed RS256 token: {@code sub} and {@code preferred_username} the user, {@code groups} as given. */
    public static String token(PrivateKey key, String issuer, String user, List<String> groups, Instant expires) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\"}";
        String claims = "{\"iss\":\"%s\",\"sub\":\"%s\",\"preferred_username\":\"%s\",\"groups\":[%s],\"iat\":%d,\"exp\":%d}".formatted(
                issuer, user, user, groups.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")),
                expires.minusSeconds(3600).getEpochSecond(), expires.getEpochSecond());
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key a started issuer handed over as {@code test.oidc.signing-key}. */
    public static PrivateKey privateKey(String base64Pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key pair no issuer publishes: tokens signed with it are forged. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jwks(RSAPublicKey key) {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"}]}".formatted(
                KEY_ID, base64Url(unsigned(key.getModulus().toByteArray())), base64Url(unsigned(key.getPublicExponent().toByteArray())));
    }

    /** A big integer's bytes without the sign byte Java adds, as JWK wants them. */
    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
