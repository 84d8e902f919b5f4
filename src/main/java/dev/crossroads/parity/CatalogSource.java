package dev.crossroads.parity;

import dev.crossroads.config.CrossroadsConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The catalog named by {@code crossroads.parity.catalog}, read once at start-up: a missing or invalid file stops the
 * service with a message naming the file and the problem, before it serves a matrix built without it.
 */
@Startup
@ApplicationScoped
public class CatalogSource {

    /** The setting's value that means "no catalog: align on names alone". */
    public static final String NONE = "none";

    private final Catalog catalog;
    private final String origin;

    CatalogSource(CrossroadsConfig config) {
        String setting = config.parity().catalog().strip();
        if (setting.isEmpty() || NONE.equalsIgnoreCase(setting)) {
            this.catalog = Catalog.NONE;
            this.origin = NONE;
        } else {
            Path file = Path.of(setting);
            try {
                this.catalog = CatalogYaml.catalog(Files.readString(file));
            } catch (IOException e) {
                throw new IllegalStateException("crossroads.parity.catalog: cannot read " + file.toAbsolutePath()
                        + " (" + e.getMessage() + "); set it to 'none' to align without a catalog", e);
            } catch (InvalidCatalogException e) {
                throw new IllegalStateException("crossroads.parity.catalog: " + file + ": " + e.getMessage(), e);
            }
            this.origin = file.toString();
        }
        Log.infof("Feature catalog: %s (%d features)", origin, catalog.features().size());
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Where the catalog came from, or {@code none}. */
    public String origin() {
        return origin;
    }
}
