package dev.crossroads.snapshot;

/** Fired (asynchronously) when this replica stored something that changes what the matrix shows. */
public record DataChanged(String cause) {
}
