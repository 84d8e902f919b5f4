package dev.crossroads.roadmap;

import java.util.List;
import java.util.Locale;

/**
 * Turns each source's own status words into the one {@link FeatureStatus} vocabulary: a roadmap item's reading, a
 * documented page's maturity markers, a board card's Status column. Pure and stateless.
 */
public final class StatusNormalizer {

    /** How the roadmap parser words a status the page declares ({@code declared: Status: Ideas}). */
    private static final String DECLARED = "Status: ";

    private static final java.util.regex.Pattern NOT_LETTERS = java.util.regex.Pattern.compile("[^a-z' ]");

    private StatusNormalizer() {
    }

    /** A documented feature: available, unless the top of its page flags it otherwise. */
    public static FeatureStatus docs(List<Maturity> markers) {
        if (markers.contains(Maturity.DEPRECATED) || markers.contains(Maturity.MAINTENANCE)) {
            return FeatureStatus.DEPRECATED;
        }
        return markers.isEmpty() ? FeatureStatus.AVAILABLE : FeatureStatus.PREVIEW;
    }

    /**
     * A roadmap item. The page's own board word ("Status: Ideas") is finer than the parser's reading, so it decides
     * when there is one; a list of streams of work with no status at all is simply on the roadmap: planned.
     */
    public static FeatureStatus roadmap(ItemStatus status, String statusEvidence) {
        int declaredAt = statusEvidence == null ? -1 : statusEvidence.indexOf(DECLARED);
        if (declaredAt >= 0 && status != ItemStatus.SHIPPED && status != ItemStatus.DROPPED) {
            FeatureStatus declared = board(statusEvidence.substring(declaredAt + DECLARED.length()));
            if (declared != null) {
                return declared;
            }
        }
        if (status == null) {
            return FeatureStatus.PLANNED;
        }
        return switch (status) {
            case SHIPPED -> FeatureStatus.AVAILABLE;
            case DONE -> FeatureStatus.COMING_SOON;
            case IN_PROGRESS -> FeatureStatus.IN_PROGRESS;
            case ON_HOLD -> FeatureStatus.ON_HOLD;
            case DROPPED -> FeatureStatus.NOT_PLANNED;
            case PLANNED -> FeatureStatus.PLANNED;
        };
    }

    /**
     * A board column as Powertools boards name them (Ideas, Triage, Backlog, Working on it, Pending review, Coming
     * soon, Shipped, On hold) and common variants; null for a column no rule knows, which callers read as an idea.
     */
    public static FeatureStatus board(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        String word = NOT_LETTERS.matcher(column.strip().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (startsWithAny(word, "shipped", "released", "launched", "done and released", "available")) {
            return FeatureStatus.AVAILABLE;
        }
        if (startsWithAny(word, "coming soon", "merged", "done", "complete", "ready for release")) {
            return FeatureStatus.COMING_SOON;
        }
        if (startsWithAny(word, "working on it", "in progress", "pending review", "in review", "review",
                "doing", "wip")) {
            return FeatureStatus.IN_PROGRESS;
        }
        if (startsWithAny(word, "on hold", "blocked", "paused", "waiting")) {
            return FeatureStatus.ON_HOLD;
        }
        if (startsWithAny(word, "dropped", "won't do", "wont do", "cancel", "rejected", "declined", "not planned",
                "closed")) {
            return FeatureStatus.NOT_PLANNED;
        }
        if (startsWithAny(word, "backlog", "planned", "todo", "to do", "next", "up next", "accepted")) {
            return FeatureStatus.PLANNED;
        }
        if (startsWithAny(word, "ideas", "idea", "triage", "rfc", "proposed", "proposal", "new", "incoming",
                "needs triage")) {
            return FeatureStatus.IDEA;
        }
        return null;
    }

    private static boolean startsWithAny(String word, String... prefixes) {
        for (String prefix : prefixes) {
            if (word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
