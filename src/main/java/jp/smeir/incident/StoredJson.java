package jp.smeir.incident;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Large JSON documents (stored assessments, ~50 KB of bilingual texts) are kept as gzip-compressed UTF-8 JSON:
 * a sixth of the size, so each commit writes far less. Jackson writes straight into the compressor, so the
 * document is never held as a Java string. Rows written before migration V5 hold text instead, read by
 * {@link #expandLegacy}.
 */
final class StoredJson {

    private static final String LEGACY_PREFIX = "gz:";

    private StoredJson() {
    }

    static byte[] compress(ObjectMapper json, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8_192);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 8_192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            json.writeValue(gzip, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static <T> T expand(ObjectMapper json, byte[] stored, Class<T> type) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 8_192)) {
            return jp.smeir.common.JsonConfig.lenient(json, type).readValue(in);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON cannot be read as " + type.getSimpleName(), e);
        }
    }

    /** The text of a row written before V5: plain JSON, or {@code gz:} and the base64 of gzip-compressed JSON. */
    static String expandLegacy(String stored) {
        if (!stored.startsWith(LEGACY_PREFIX)) {
            return stored;
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored.substring(LEGACY_PREFIX.length()))))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
