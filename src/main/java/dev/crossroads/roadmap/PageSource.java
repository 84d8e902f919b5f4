package dev.crossroads.roadmap;

import java.util.Optional;

/** Reads a docs page by its docs-relative path ({@code core/logger.md}); empty when it cannot be had. */
@FunctionalInterface
public interface PageSource {

    Optional<String> read(String docsRelativePath);

    static PageSource none() {
        return path -> Optional.empty();
    }
}
