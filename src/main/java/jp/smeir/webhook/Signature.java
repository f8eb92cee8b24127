package jp.smeir.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures of every delivery.
 * <ul>
 * <li>{@code X-Signature: sha256=<hex HMAC-SHA256 of the raw body>}, keyed with the UTF-8 bytes of the
 * subscriber's secret (as since v1).</li>
 * <li>Standard Webhooks: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">},
 * so that the specification's libraries verify deliveries and refuse replays. The specification writes a key as
 * {@code whsec_} and its base64: a secret in that form is keyed with the decoded bytes, as those libraries do;
 * any other secret with its UTF-8 bytes, which a receiver hands to such a library as {@code whsec_} followed by
 * the base64 of the secret.</li>
 * </ul>
 */
public final class Signature {

    public static final String HEADER = "X-Signature";
    public static final String WEBHOOK_ID = "webhook-id";
    public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
    public static final String WEBHOOK_SIGNATURE = "webhook-signature";
    static final String KEY_PREFIX = "whsec_";

    private Signature() {
    }

    public static String of(String secret, byte[] body) {
        Mac mac = mac(secret.getBytes(StandardCharsets.UTF_8));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /** The webhook-signature value: one {@code v1,} signature per secret (more than one while a secret is rotated). */
    public static String standard(List<String> secrets, String id, long timestamp, byte[] body) {
        byte[] signed = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return secrets.stream().map(secret -> {
            Mac mac = mac(key(secret));
            mac.update(signed);
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        }).collect(Collectors.joining(" "));
    }

    /** The HMAC key of a secret for Standard Webhooks. */
    static byte[] key(String secret) {
        if (secret.startsWith(KEY_PREFIX)) {
            try {
                return Base64.getDecoder().decode(secret.substring(KEY_PREFIX.length()));
            } catch (IllegalArgumentException notBase64) {
                // a secret that merely begins like one: its own bytes, as any other
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
