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

    /** Pulling sources on a schedule. */
    Sync sync();

    /** Operations that change state: manual syncs, curation, catalog import. */
    Admin admin();

    /** Who may read. */
    Access access();

    /** The parity matrix: catalog, refresh and response caching. */
    Parity parity();

    /** What one GraphQL request may ask for; a request over a limit is refused before it runs. */
    Graphql graphql();

    /** History read from the repositories themselves (backfill of past commits, releases). */
    History history();

    interface History {
        /** Whether each language's history is backfilled at start-up (in the background; reads are served). */
        @WithDefault("false")
        boolean backfillOnStart();

        /**
         * Commits read per slice: each slice is stored in one transaction holding the sync lease, so a backfill
         * never keeps a sync waiting longer than one slice.
         */
        @WithDefault("50")
        int sliceCommits();
    }

    interface Graphql {
        /** Root fields (aliases included) per request. */
        @WithDefault("20")
        int maxRootFields();

        /** Fields per request, counted wherever fragments are spread. */
        @WithDefault("1000")
        int maxFields();

        /** Nesting depth of the selections. */
        @WithDefault("12")
        int maxDepth();

        /**
         * Root fields per request that read the database (sources, syncRuns, changes, roadmap, docsFeatures,
         * curation); the matrix-backed ones cost next to nothing and are not counted.
         */
        @WithDefault("5")
        int maxExpensiveFields();

        /** Largest page a {@code first:} / {@code last:} argument may ask for; more is refused, not clamped. */
        @WithDefault("100")
        int maxPageSize();

        /**
         * Whether {@code __schema} / {@code __type} (and {@code /graphql/schema.graphql}) are answered. Off, the
         * GraphQL UI cannot read the schema either.
         */
        @WithDefault("true")
        boolean introspection();
    }

    interface Access {
        /**
         * {@code public}: anyone may read. {@code authenticated}: every API request (GraphQL, {@code /api/queries},
         * {@code /api/parse}) needs {@code Authorization: Bearer} with the admin token or a valid JWT of the
         * configured issuer, whatever its roles.
         */
        @WithDefault("public")
        Reads reads();

        enum Reads {
            PUBLIC, AUTHENTICATED
        }
    }

    interface Parity {
        /**
         * The feature catalog (env {@code CROSSROADS_PARITY_CATALOG}), relative to the working directory; {@code none}
         * aligns on names alone.
         */
        @WithDefault("config/features.yaml")
        String catalog();

        /**
         * How often a replica checks whether another replica changed the data (a sync or curation there); its own
         * syncs and curation refresh the matrix at once.
         */
        @WithDefault("PT1S")
        java.time.Duration refreshInterval();

        /** Bytes of whole GraphQL responses kept per data version, for the queries served from the matrix. */
        @WithDefault("16777216")
        long responseCacheBytes();
    }

    interface Sync {
        /** Whether the scheduler syncs at start-up and then every {@link #interval()}. */
        @WithDefault("true")
        boolean enabled();

        /** Time between scheduled syncs (a Quarkus duration: 15m, 1h). */
        @WithDefault("15m")
        String interval();

        /** Largest file or API answer accepted, in bytes; larger is an error, never an out-of-memory. */
        @WithDefault("5242880")
        int maxBytes();

        /** Timeout of one HTTP request. */
        @WithDefault("PT10S")
        java.time.Duration requestTimeout();

        /** Attempts per request on 5xx, timeouts and resets (the first included). */
        @WithDefault("4")
        int maxAttempts();

        /** First backoff between attempts; doubles each time, with jitter. */
        @WithDefault("PT0.5S")
        java.time.Duration backoff();

        /** Longest wait honoured for Retry-After / X-RateLimit-Reset; longer waits fail the source instead. */
        @WithDefault("PT60S")
        java.time.Duration maxRetryAfter();

        /**
         * Requests in flight to one host at a time (the other sources' requests wait their turn), and sources
         * recorded at the same time.
         */
        @WithDefault("4")
        int parallelism();

        /**
         * How long a replica's claim on the sync lasts unless renewed: the holder renews it three times per lease
         * while it syncs, so this is how long a replica that died mid-sync keeps the others waiting.
         */
        @WithDefault("PT2M")
        java.time.Duration lease();
    }

    interface Admin {
        /**
         * Static bearer token for admin operations (env {@code CROSSROADS_ADMIN_TOKEN}), for small installs. With
         * neither it nor a JWT key ({@code mp.jwt.verify.publickey.location}) admin operations are disabled.
         */
        Optional<String> token();

        /** The role (in the JWT's groups claim, see {@code smallrye.jwt.path.groups}) that admin operations need. */
        @WithDefault("crossroads-admin")
        String role();
    }

    interface Parse {
        /** Largest document the parse endpoints accept, in bytes (2 MiB). */
        @WithDefault("2097152")
        int maxBytes();

        /**
         * How long reading one document may take, in previews and in the sync; past it the work stops and the
         * document is refused as too complex (a preview answers 422, a synced source fails with the reason).
         */
        @WithDefault("PT2S")
        java.time.Duration timeBudget();

        /** Previews parsed at the same time; more answer 429 at once instead of queueing behind them. */
        @WithDefault("2")
        int maxConcurrent();
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

        /** Secret that signs webhook deliveries ({@code X-Hub-Signature-256}). */
        Optional<String> webhookSecret();
    }
}
