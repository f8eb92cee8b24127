package jp.smeir.mutation;

import jp.smeir.engine.Finding;
import jp.smeir.engine.ItemStatus;

/** What a status-swapping mutant calls in its consequence: a duty's REQUIRED becomes CONDITIONAL and back. */
public final class Flip {

    private Flip() {
    }

    public static Finding status(Finding duty) {
        ItemStatus swapped = switch (duty.status()) {
            case REQUIRED -> ItemStatus.CONDITIONAL;
            case CONDITIONAL -> ItemStatus.REQUIRED;
            default -> duty.status();
        };
        return new Finding(duty.code(), swapped, duty.mandatory(), duty.due(), duty.because(), duty.openFacts(),
                duty.unconfirmed(), duty.rule(), duty.variant());
    }
}
