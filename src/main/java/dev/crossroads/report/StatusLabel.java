package dev.crossroads.report;

import dev.crossroads.parity.Parity;
import dev.crossroads.roadmap.FeatureStatus;
import java.util.Locale;

/**
 * How a status reads in a report: a symbol and a word, so the meaning never rests on the symbol (or a colour) alone.
 */
public enum StatusLabel {
    AVAILABLE(FeatureStatus.AVAILABLE, "✅", "available"),
    PREVIEW(FeatureStatus.PREVIEW, "🧪", "preview"),
    DEPRECATED(FeatureStatus.DEPRECATED, "⚠️", "deprecated"),
    COMING_SOON(FeatureStatus.COMING_SOON, "🔜", "coming soon"),
    IN_PROGRESS(FeatureStatus.IN_PROGRESS, "🚧", "in progress"),
    PLANNED(FeatureStatus.PLANNED, "📅", "planned"),
    IDEA(FeatureStatus.IDEA, "💡", "idea"),
    ON_HOLD(FeatureStatus.ON_HOLD, "⏸️", "on hold"),
    NOT_PLANNED(FeatureStatus.NOT_PLANNED, "🚫", "not planned"),
    ABSENT(FeatureStatus.ABSENT, "➖", "absent");

    private final FeatureStatus status;
    private final String symbol;
    private final String word;

    StatusLabel(FeatureStatus status, String symbol, String word) {
        this.status = status;
        this.symbol = symbol;
        this.word = word;
    }

    public static StatusLabel of(FeatureStatus status) {
        for (StatusLabel label : values()) {
            if (label.status == status) {
                return label;
            }
        }
        throw new IllegalArgumentException("no label for " + status);
    }

    public FeatureStatus status() {
        return status;
    }

    public String symbol() {
        return symbol;
    }

    public String word() {
        return word;
    }

    /** "✅ available". */
    public String text() {
        return symbol + " " + word;
    }

    /** A CSS class name: {@code status-in-progress}. */
    public String cssClass() {
        return "status-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A status word as stored in a change event; unknown words (rows older than the one vocabulary) as given. */
    public static String word(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return of(FeatureStatus.valueOf(stored)).word();
        } catch (IllegalArgumentException notOurs) {
            return stored.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** "universal", "partial", "unique", "none". */
    public static String parityWord(Parity parity) {
        return parity.name().toLowerCase(Locale.ROOT);
    }

    /** One line explaining every symbol. */
    public static String legend() {
        StringBuilder legend = new StringBuilder();
        for (StatusLabel label : values()) {
            legend.append(legend.isEmpty() ? "" : " · ").append(label.text());
        }
        return legend.toString();
    }
}
