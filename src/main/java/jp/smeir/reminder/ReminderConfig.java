package jp.smeir.reminder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When reminders go out: {@code incident.reminders.*} in application.properties. */
@ConfigMapping(prefix = "incident.reminders")
public interface ReminderConfig {

    /** Lead times before every deadline at which obligation.due_soon goes out. */
    @WithDefault("PT24H,PT2H")
    List<Duration> leadTimes();

    /** Further lead times for particular codes, e.g. the PPC preliminary report at day 3 of its 3–5 days. */
    Map<String, List<Duration>> codeLeadTimes();

    /** How often the reminder sweep runs (read by the scheduler). */
    @WithDefault("60s")
    Duration pollInterval();

    /** How long after start the first sweep runs (read by the scheduler). */
    @WithDefault("5s")
    Duration startDelay();
}
