package jp.smeir.engine;

import java.time.OffsetDateTime;

/** The evaluation's current time, passed in as a fact: rules never read the clock. */
public record Now(OffsetDateTime at) {
}
