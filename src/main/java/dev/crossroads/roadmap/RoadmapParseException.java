package dev.crossroads.roadmap;

/** The input cannot be read as a roadmap or docs page at all (not text, too large, unreadable YAML). */
public class RoadmapParseException extends RuntimeException {

    public RoadmapParseException(String message) {
        super(message);
    }

    public RoadmapParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
