package jp.smeir.assessment;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import jp.smeir.engine.Catalogue;
import jp.smeir.engine.Text;
import jp.smeir.engine.Timing;

/**
 * The service's working targets for what the law or the Guide asks to do 直ちに (immediately) or 速やかに
 * (promptly) without a fixed period: how long after {@code awareAt} a duty so timed should be done. They give
 * every REQUIRED and CONDITIONAL item without a legal deadline a {@code targetAt}, so that it can be ordered,
 * reminded of and found overdue; each is marked as the service's target, never as law ({@code targetBasis}).
 * Configured by {@code incident.targets.immediately} and {@code incident.targets.promptly}.
 */
public record WorkingTargets(Duration immediately, Duration promptly) {

    /** Within 1 hour and within 24 hours of becoming aware. */
    public static final WorkingTargets DEFAULT = new WorkingTargets(Duration.ofHours(1), Duration.ofHours(24));

    public WorkingTargets {
        if (immediately == null || promptly == null || immediately.isNegative() || immediately.isZero()
                || immediately.compareTo(promptly) > 0 || immediately.toSecondsPart() != 0 || promptly.toSecondsPart() != 0) {
            // refused at start: "promptly" sooner than "immediately" would put the urgency order upside down
            throw new IllegalArgumentException("incident.targets.immediately and incident.targets.promptly must be positive whole minutes, "
                    + "immediately not longer than promptly (were " + immediately + " and " + promptly + ")");
        }
    }

    /** The target for a timing without a legal deadline; null for BY_DEADLINE (it has dueAt) and NONE. */
    public OffsetDateTime targetAt(OffsetDateTime awareAt, Timing timing) {
        return switch (timing) {
            case IMMEDIATELY -> awareAt.plus(immediately);
            case PROMPTLY -> awareAt.plus(promptly);
            case BY_DEADLINE, NONE -> null;
        };
    }

    /**
     * The catalogue's note saying that a target is the service's and not the law's ({@code notes.targetImmediately},
     * {@code notes.targetPromptly}), with the period filled in; null where {@link #targetAt} is.
     */
    public Text basis(Catalogue catalogue, Timing timing) {
        return switch (timing) {
            case IMMEDIATELY -> fill(catalogue.targetNote(Timing.IMMEDIATELY), immediately);
            case PROMPTLY -> fill(catalogue.targetNote(Timing.PROMPTLY), promptly);
            case BY_DEADLINE, NONE -> null;
        };
    }

    private static Text fill(Text note, Duration period) {
        return new Text(note.ja().replace("{within}", ja(period)), note.en().replace("{within}", en(period)));
    }

    /** A period in words of one language: 1時間 / 1 hour, 1時間30分 / 1 hour 30 minutes. */
    public static String inWords(Duration d, String lang) {
        return "en".equals(lang) ? en(d) : ja(d);
    }

    /** 1時間, 24時間, 90分 → 1時間30分. */
    static String ja(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        return (hours > 0 ? hours + "時間" : "") + (minutes > 0 || hours == 0 ? minutes + "分" : "");
    }

    /** 1 hour, 24 hours, 1 hour 30 minutes. */
    static String en(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        String h = hours == 1 ? "1 hour" : hours + " hours";
        String m = minutes == 1 ? "1 minute" : minutes + " minutes";
        return hours > 0 && minutes > 0 ? h + " " + m : hours > 0 ? h : m;
    }

    /** {@code incident.targets.*} in application.properties. */
    @ConfigMapping(prefix = "incident.targets")
    public interface Config {
        /** The working target for 直ちに: this long after awareAt. */
        @WithDefault("PT1H")
        Duration immediately();

        /** The working target for 速やかに: this long after awareAt. */
        @WithDefault("PT24H")
        Duration promptly();
    }

    /** Makes the configured targets injectable; a start with targets that make no sense fails with the message above. */
    @ApplicationScoped
    static class Producer {
        @Produces
        @Singleton
        WorkingTargets targets(Config config) {
            return new WorkingTargets(config.immediately(), config.promptly());
        }
    }
}
