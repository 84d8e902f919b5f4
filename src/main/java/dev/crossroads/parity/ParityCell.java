package dev.crossroads.parity;

import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A feature in one language.
 *
 * @param since                   when it entered this status, from stored history; null for ABSENT
 * @param availableSince          when it first shipped (documented, or launched per roadmap or board); null if it
 *                                has not
 * @param versionAdded            the first release containing the commit where it first shipped, when history knows
 * @param generallyAvailableSince when it went from preview to available, if the docs history shows it did
 * @param generallyAvailableIn    the first release containing that commit
 * @param priority                the roadmap priority of its item, if the roadmap gives one
 * @param timeline                every change of the cell's status, oldest first (empty without stored history)
 */
public record ParityCell(String language, FeatureStatus status, Instant since, Instant availableSince,
        String versionAdded, Instant generallyAvailableSince, String generallyAvailableIn, Priority priority,
        List<Evidence> evidence, List<Disagreement> disagreements, List<StatusTimelines.Point> timeline) {

    public ParityCell {
        evidence = List.copyOf(evidence);
        disagreements = List.copyOf(disagreements);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A cell without release history. */
    public ParityCell(String language, FeatureStatus status, Instant since, Instant availableSince, Priority priority,
            List<Evidence> evidence, List<Disagreement> disagreements) {
        this(language, status, since, availableSince, null, null, null, priority, evidence, disagreements, List.of());
    }

    /**
     * Since when it has shipped without a break up to now (the start of its last shipped run); null if it does not
     * ship now.
     */
    public Instant shippedContinuouslySince() {
        if (!status.isShipped()) {
            return null;
        }
        Instant start = null;
        for (int i = timeline.size() - 1; i >= 0; i--) {
            StatusTimelines.Point point = timeline.get(i);
            if (point.status() == null || !point.status().isShipped()) {
                break;
            }
            start = point.at();
        }
        return start != null ? start : availableSince;
    }
}
