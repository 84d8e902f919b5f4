package dev.crossroads.parity;

import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.Priority;
import java.time.Instant;
import java.util.List;

/**
 * A feature in one language.
 *
 * @param since          when it entered this status, from stored history; null for ABSENT
 * @param availableSince when it first shipped (documented, or launched per roadmap or board); null if it has not
 * @param priority the roadmap priority of its item, if the roadmap gives one
 */
public record ParityCell(String language, FeatureStatus status, Instant since, Instant availableSince,
        Priority priority,
        List<Evidence> evidence, List<Disagreement> disagreements) {

    public ParityCell {
        evidence = List.copyOf(evidence);
        disagreements = List.copyOf(disagreements);
    }
}
