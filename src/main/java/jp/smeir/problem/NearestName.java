package jp.smeir.problem;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known field name a misspelt one most likely meant: the same name in other case, one a few edits away
 * (at most 1 for names under five letters, else 2), or one that starts with the other ({@code incidentType} →
 * {@code incidentTypes}, {@code affected} → {@code affectedPersons}). Nothing when no name is that close, so
 * that a suggestion is a real hint and never a guess.
 */
public final class NearestName {

    private static final int MIN_PREFIX = 4;

    private NearestName() {
    }

    public static Optional<String> of(String given, Collection<String> known) {
        String g = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String name : known) {
            String k = name.toLowerCase(Locale.ROOT);
            int distance = distance(g, k);
            boolean close = distance <= (Math.min(g.length(), k.length()) < 5 ? 1 : 2);
            boolean prefix = Math.min(g.length(), k.length()) >= MIN_PREFIX && (k.startsWith(g) || g.startsWith(k));
            // a prefix ranks after every near spelling: it may differ by many letters
            int score = close ? distance : prefix ? 3 + Math.abs(k.length() - g.length()) : Integer.MAX_VALUE;
            if (score < bestScore) {
                best = name;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
