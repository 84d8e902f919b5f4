package dev.crossroads.db;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The few settings needed before Quarkus boots, read from system properties and environment variables with the
 * usual MicroProfile mapping ({@code crossroads.db.port} or {@code CROSSROADS_DB_PORT}).
 */
public record DatabaseSettings(boolean externalDatabaseConfigured, Path dataDirectory, OptionalInt port) {

    static final String DEFAULT_DATA_DIR = "data/postgres";

    public static DatabaseSettings fromEnvironment() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().build();
        boolean external = config.getOptionalValue("quarkus.datasource.reactive.url", String.class).isPresent()
                || config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent();
        Path dataDir = Path.of(config.getOptionalValue("crossroads.db.data-dir", String.class).orElse(DEFAULT_DATA_DIR));
        OptionalInt port = config.getOptionalValue("crossroads.db.port", Integer.class)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        return new DatabaseSettings(external, dataDir, port);
    }
}
