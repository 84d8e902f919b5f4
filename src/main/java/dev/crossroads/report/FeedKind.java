package dev.crossroads.report;

import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.snapshot.ChangeEvent;

/** What a feed entry announces. */
public enum FeedKind {
    /** An item appeared in a source, not (yet) shipped. */
    ADDED("added"),
    /** An item became available, in preview or deprecated (so usable): newly documented, or launched. */
    SHIPPED("shipped"),
    /** An item moved between statuses short of shipping or dropping. */
    STATUS_CHANGED("status-changed"),
    /** An item became NOT_PLANNED (struck through, won't do, rejected). */
    DROPPED("dropped"),
    /** An item disappeared from its source. */
    REMOVED("removed"),
    /** The last language shipped a feature: it is available everywhere. */
    AVAILABLE_EVERYWHERE("available-everywhere");

    private final String term;

    FeedKind(String term) {
        this.term = term;
    }

    /** The Atom category term. */
    public String term() {
        return term;
    }

    /**
     * How a stored change reads in the feed. Values are status names of the one vocabulary; a value that is not one
     * (rows written before it) counts as neither shipped nor dropped.
     */
    public static FeedKind of(ChangeEvent.Kind kind, String oldValue, String newValue) {
        return switch (kind) {
            case ADDED -> shipped(newValue) ? SHIPPED : ADDED;
            case REMOVED -> REMOVED;
            case STATUS_CHANGED -> shipped(newValue) && !shipped(oldValue) ? SHIPPED
                    : FeatureStatus.NOT_PLANNED.name().equals(newValue) ? DROPPED : STATUS_CHANGED;
            default -> throw new IllegalArgumentException(kind + " changes are not in the feed");
        };
    }

    private static boolean shipped(String status) {
        if (status == null) {
            return false;
        }
        try {
            return FeatureStatus.valueOf(status).isShipped();
        } catch (IllegalArgumentException notOurs) {
            return false;
        }
    }
}
