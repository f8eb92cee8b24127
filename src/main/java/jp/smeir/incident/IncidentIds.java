package jp.smeir.incident;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Incident ids are time-ordered UUIDs (RFC 9562, version 7): the opening's Unix time in milliseconds in the
 * first 48 bits, then 74 random bits. An incident's id leads the keys of the indexes on its rows (the incident
 * itself, its assessments, history and deadlines), so ids in the order of opening are added at the end of
 * each index, where the pages are already in the database's cache, instead of in a random page of each that
 * has to be read back first (BENCHMARKS.md). The 74 random bits (122 in a random UUID) still make ids
 * impractical to guess; the time of opening that an id now shows is in the incident anyway.
 */
final class IncidentIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private IncidentIds() {
    }

    static UUID next(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long mostSignificant = at.toEpochMilli() << 16 | 0x7000L | (random[0] & 0x0FL) << 8 | random[1] & 0xFFL;
        long leastSignificant = 0;
        for (int i = 2; i < 10; i++) {
            leastSignificant = leastSignificant << 8 | random[i] & 0xFFL;
        }
        // the variant of RFC 9562 (binary 10) in the two top bits
        leastSignificant = leastSignificant & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
