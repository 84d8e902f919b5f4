package dev.crossroads.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every {@code crossroads.*} setting. One root on purpose: SmallRye then rejects unknown keys under the prefix at
 * start-up, so a misspelt setting fails loudly instead of silently keeping its default.
 */
@ConfigMapping(prefix = "crossroads")
public interface CrossroadsConfig {

    /** Path of the family file (env {@code CROSSROADS_CONFIG_FILE}), relative to the working directory. */
    @WithDefault("config/crossroads.yaml")
    String configFile();

    /** The embedded PostgreSQL, used when no datasource URL is configured. */
    Db db();

    /** Where GitHub is. */
    GitHub github();

    /** The parse preview endpoints. */
    Parse parse();

    interface Parse {
        /** Largest document the parse endpoints accept, in bytes (2 MiB). */
        @WithDefault("2097152")
        int maxBytes();
    }

    interface Db {
        /** Folder holding the embedded server's data; it survives restarts. Read before Quarkus boots. */
        @WithDefault("data/postgres")
        String dataDir();

        /** Fixed port for the embedded server; a free port is picked when unset. */
        OptionalInt port();
    }

    interface GitHub {
        /** Base URL of the raw file host: files are read from {@code <raw-url>/<owner>/<repo>/<branch>/<path>}. */
        @WithDefault("https://raw.githubusercontent.com")
        String rawUrl();

        /** Base URL of the REST and GraphQL API. */
        @WithDefault("https://api.github.com")
        String apiUrl();

        /** Token sent to the API host only (env {@code GITHUB_TOKEN}); boards are skipped without one. */
        Optional<String> token();
    }
}
