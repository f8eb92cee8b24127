package jp.smeir.incident;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Large JSON documents (stored assessments, ~35 KB of bilingual texts) are kept gzip-compressed and
 * base64-encoded behind a {@code gz:} prefix: a fifth of the size, so each commit writes far less. Plain
 * JSON (written before) is read as it is.
 */
final class StoredJson {

    private static final String PREFIX = "gz:";

    private StoredJson() {
    }

    static String compress(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PREFIX + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String expand(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored.substring(PREFIX.length()))))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
