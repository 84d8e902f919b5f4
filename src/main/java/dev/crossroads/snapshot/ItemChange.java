package dev.crossroads.snapshot;

/** One difference between what an item was and what it is now. */
public record ItemChange(ChangeEvent.Kind kind, String key, String title, String oldValue, String newValue) {
}
