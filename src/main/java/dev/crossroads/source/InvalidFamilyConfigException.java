package dev.crossroads.source;

import java.nio.file.Path;

/** The family configuration cannot be used; the message is one line naming the file, the key and the problem. */
public final class InvalidFamilyConfigException extends RuntimeException {

    private final Path file;
    private final String key;

    public InvalidFamilyConfigException(Path file, String key, String problem) {
        super(file + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
        this.file = file;
        this.key = key;
    }

    public Path file() {
        return file;
    }

    public String key() {
        return key;
    }
}
