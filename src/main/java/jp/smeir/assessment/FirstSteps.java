package jp.smeir.assessment;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.Timing;

/**
 * The few items a person must do now (docs/api.md {@code firstSteps}), modelled on the Guide's step ①:
 *
 * <ol>
 *   <li>first, what contains the damage or keeps the evidence ({@code containment} in catalogue.yaml, in its
 *       order: disconnect, preserve evidence, do not power off …), where the answer holds it as a duty or as
 *       certain advice timed immediately. Nothing else helps while the damage spreads, so this leads even when
 *       a duty ranks before it in the lists; containment that hangs on an unknown fact (CONDITIONAL) is left to
 *       the lists and its question;</li>
 *   <li>then every REQUIRED item due (legally or by its working target) no later than 24 hours after the
 *       evaluation, overdue ones included, in the order of urgency.</li>
 * </ol>
 *
 * At most {@value #MAX}: past that, containment advice is left out from the end; a duty due within 24 hours
 * never is.
 */
final class FirstSteps {

    static final int MAX = 7;
    static final Duration DUTY_WINDOW = Duration.ofHours(24);

    private FirstSteps() {
    }

    /** {@code ordered}: the answer's items in the order of urgency, with their priorities and targets. */
    static List<FirstStep> of(List<Item> ordered, List<String> containment, OffsetDateTime evaluatedAt) {
        Map<String, Item> byCode = ordered.stream().collect(Collectors.toMap(Item::code, Function.identity()));
        List<Item> contain = containment.stream().map(byCode::get)
                .filter(i -> i != null && i.status() != ItemStatus.CONDITIONAL && i.timing() == Timing.IMMEDIATELY)
                .toList();
        OffsetDateTime horizon = evaluatedAt.plus(DUTY_WINDOW);
        List<Item> duties = ordered.stream()
                .filter(i -> i.status() == ItemStatus.REQUIRED && !contain.contains(i))
                .filter(i -> i.dueOrTargetAt() != null && !i.dueOrTargetAt().isAfter(horizon))
                .toList();
        List<Item> steps = new ArrayList<>(contain);
        // trim containment advice from the end until the list fits; duties stay
        for (int i = steps.size() - 1; i >= 0 && steps.size() + duties.size() > MAX; i--) {
            if (steps.get(i).status() != ItemStatus.REQUIRED) {
                steps.remove(i);
            }
        }
        steps.addAll(duties);
        return steps.stream().map(FirstStep::of).toList();
    }
}
