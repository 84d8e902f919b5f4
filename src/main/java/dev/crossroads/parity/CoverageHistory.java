package dev.crossroads.parity;

import dev.crossroads.roadmap.FeatureStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage over time, read from the cells' timelines: at the end of each interval, how many of today's features each
 * language shipped, and the share of the features shipped anywhere that shipped everywhere. Features are those of the
 * matrix now (a feature since removed from every source is not counted in the past either). Pure.
 */
public final class CoverageHistory {

    /** Calendar intervals, in UTC. */
    public enum Interval {
        MONTH, QUARTER, YEAR
    }

    /** One language at one time. */
    public record LanguagePoint(Instant at, int shipped, int total, double coverage) {
    }

    /** The family at one time: features shipped everywhere of those shipped anywhere. */
    public record FamilyPoint(Instant at, int universal, int anywhere, double share) {
    }

    private CoverageHistory() {
    }

    /** The ends of the intervals from the first change in the matrix up to {@code now} (now itself last). */
    public static List<Instant> times(ParityMatrix matrix, Interval interval, Instant now) {
        Instant first = null;
        for (MatrixRow row : matrix.rows()) {
            for (ParityCell cell : row.cells()) {
                Instant start = cell.timeline().isEmpty() ? cell.availableSince() : cell.timeline().get(0).at();
                if (start != null && (first == null || start.isBefore(first))) {
                    first = start;
                }
            }
        }
        List<Instant> times = new ArrayList<>();
        if (first == null) {
            return times;
        }
        LocalDate start = LocalDate.ofInstant(first, ZoneOffset.UTC).withDayOfMonth(1);
        if (interval == Interval.QUARTER) {
            start = start.withMonth((start.getMonthValue() - 1) / 3 * 3 + 1);
        } else if (interval == Interval.YEAR) {
            start = start.withDayOfYear(1);
        }
        LocalDate end = start;
        while (true) {
            end = switch (interval) {
                case MONTH -> end.plusMonths(1);
                case QUARTER -> end.plusMonths(3);
                case YEAR -> end.plusYears(1);
            };
            Instant at = end.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!at.isBefore(now)) {
                times.add(now);
                return times;
            }
            times.add(at);
        }
    }

    public static List<LanguagePoint> language(ParityMatrix matrix, String language, Interval interval,
            Instant now) {
        List<LanguagePoint> points = new ArrayList<>();
        for (Instant at : times(matrix, interval, now)) {
            int shipped = 0;
            int anywhere = 0;
            for (MatrixRow row : matrix.rows()) {
                boolean any = false;
                for (ParityCell cell : row.cells()) {
                    boolean ships = shippedAt(cell, at);
                    any |= ships;
                    if (ships && cell.language().equals(language)) {
                        shipped++;
                    }
                }
                anywhere += any ? 1 : 0;
            }
            points.add(new LanguagePoint(at, shipped, anywhere, ratio(shipped, anywhere)));
        }
        return points;
    }

    public static List<FamilyPoint> family(ParityMatrix matrix, Interval interval, Instant now) {
        List<FamilyPoint> points = new ArrayList<>();
        for (Instant at : times(matrix, interval, now)) {
            int universal = 0;
            int anywhere = 0;
            for (MatrixRow row : matrix.rows()) {
                long shipping = row.cells().stream().filter(c -> shippedAt(c, at)).count();
                anywhere += shipping > 0 ? 1 : 0;
                universal += shipping == row.cells().size() && shipping > 0 ? 1 : 0;
            }
            points.add(new FamilyPoint(at, universal, anywhere, ratio(universal, anywhere)));
        }
        return points;
    }

    /** Whether the cell shipped at a time: by its timeline, or (no history) since it first shipped. */
    static boolean shippedAt(ParityCell cell, Instant at) {
        if (cell.timeline().isEmpty()) {
            return cell.status().isShipped() && cell.availableSince() != null && !cell.availableSince().isAfter(at);
        }
        FeatureStatus status = StatusTimelines.at(cell.timeline(), at);
        return status != null && status.isShipped();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
