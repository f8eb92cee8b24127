package jp.smeir.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import jp.smeir.facts.Attack;
import jp.smeir.facts.BreachStatus;
import jp.smeir.facts.Impact;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.facts.IncidentType;
import jp.smeir.facts.Organization;
import jp.smeir.facts.PersonalData;
import jp.smeir.facts.Sector;

/**
 * Random incident facts for property tests: every fact may be unknown, counts cluster around the legal
 * thresholds, awareAt falls anywhere in 2020–2035 in any offset (holidays, New Year, date-line crossings).
 */
public final class FactsArbitraries {

    private static final int[] COUNTS = {0, 1, 99, 100, 101, 999, 1000, 1001, 5000, 2_000_000};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.ofHours(9), ZoneOffset.UTC, ZoneOffset.ofHours(-5),
            ZoneOffset.ofHours(14), ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHours(-12)};

    private FactsArbitraries() {
    }

    public static Arbitrary<IncidentFacts> facts() {
        return Arbitraries.randomValue(FactsArbitraries::facts);
    }

    public static IncidentFacts facts(Random r) {
        OffsetDateTime awareAt = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusMinutes(r.nextInt(16 * 365 * 24 * 60))
                .withOffsetSameInstant(OFFSETS[r.nextInt(OFFSETS.length)]);
        List<IncidentType> types = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            types.add(IncidentType.values()[r.nextInt(IncidentType.values().length)]);
        }
        Organization org = r.nextInt(10) == 0 ? null : organization(r);
        Integer persons = count(r);
        Boolean myNumber = bool(r);
        // valid facts only: no more persons with My Numbers than affected, and none if the data holds no My Number
        Integer myNumberPersons = r.nextBoolean() || Boolean.FALSE.equals(myNumber) ? null
                : persons == null ? count(r) : Integer.valueOf(r.nextBoolean() ? persons : r.nextInt(persons + 1));
        PersonalData pd = r.nextInt(10) == 0 ? null : new PersonalData(pick(r, BreachStatus.values()), persons, bool(r), bool(r),
                bool(r), myNumber, bool(r), bool(r), bool(r), bool(r), bool(r), bool(r), myNumberPersons);
        Impact impact = r.nextInt(10) == 0 ? null : new Impact(bool(r), bool(r), bool(r), bool(r), bool(r), bool(r), bool(r),
                bool(r), bool(r), bool(r));
        Attack attack = r.nextInt(10) == 0 ? null : new Attack(bool(r), bool(r), bool(r), bool(r), bool(r));
        return new IncidentFacts(r.nextBoolean() ? "incident" : null, awareAt, null, bool(r),
                r.nextInt(10) == 0 ? null : types, org, pd, impact, attack);
    }

    /** Valid facts only: the affected data is all entrusted (ownDataAffected false) only at a processor. */
    private static Organization organization(Random r) {
        Boolean processor = bool(r);
        Boolean ownData = bool(r);
        return new Organization(pick(r, Sector.values()), processor, bool(r), bool(r), bool(r), bool(r),
                Boolean.FALSE.equals(ownData) && !Boolean.TRUE.equals(processor) ? null : ownData, bool(r));
    }

    private static Boolean bool(Random r) {
        int x = r.nextInt(3);
        return x == 0 ? null : x == 1;
    }

    private static Integer count(Random r) {
        int x = r.nextInt(COUNTS.length + 2);
        return x == COUNTS.length ? null : x == COUNTS.length + 1 ? r.nextInt(3000) : COUNTS[x];
    }

    private static <T> T pick(Random r, T[] values) {
        int x = r.nextInt(values.length + 1);
        return x == values.length ? null : values[x];
    }
}
