package jp.smeir.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A note on law enacted but not yet in force that would change duties in this answer (docs/api.md §2 watch). */
@Schema(description = "Law enacted but not in force that concerns duties in this answer; nothing changes until it is in force")
public record Watch(@Schema(description = "The enacted law version's id") String id, String ja, String en) {
}
