package jp.smeir.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IncidentIdsTest {

    @Test
    void aVersion7UuidWithTheMillisecondOfOpeningInFront() {
        Instant at = Instant.parse("2026-12-01T21:30:15.123Z");
        UUID id = IncidentIds.next(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the variant of RFC 9562 (and 4122)");
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()));
        assertTrue(id.toString().startsWith("01a23383-f2d3-7"), id.toString());
    }

    @Test
    void laterOpeningsSortAfterEarlierOnesAsTheDatabasesCompareThem() {
        Instant at = Instant.parse("2026-12-01T21:30:15.123Z");
        for (int i = 0; i < 1_000; i++) {
            UUID earlier = IncidentIds.next(at.plusMillis(i));
            UUID later = IncidentIds.next(at.plusMillis(i + 1));
            // H2 and PostgreSQL order uuids as unsigned bytes, most significant first
            assertTrue(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()) < 0);
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        Instant at = Instant.parse("2026-12-01T21:30:15.123Z");
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(IncidentIds.next(at));
        }
        assertEquals(10_000, ids.size());
    }
}
