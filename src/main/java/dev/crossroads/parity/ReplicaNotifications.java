package dev.crossroads.parity;

import dev.crossroads.snapshot.DataChanged;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Tells the other replicas at once that this one changed the data (a sync stored something, a maintainer curated),
 * through PostgreSQL's {@code LISTEN}/{@code NOTIFY}, so their matrices follow within milliseconds rather than at
 * their next poll. Polling ({@code crossroads.parity.refresh-interval}) stays as it was: a notification lost while
 * the listening connection was down, or a connection pooler that does not pass {@code LISTEN} on, costs only that
 * interval. A notification carries nothing a replica trusts: it only makes it read the data version now.
 */
@ApplicationScoped
class ReplicaNotifications {

    /** Lowercase: Vert.x quotes the name it listens on, and {@code pg_notify} takes it as written. */
    static final String CHANNEL = "crossroads_data_version";
    private static final String NOTIFY = "SELECT pg_notify($1, $2)";
    private static final Duration MAX_RECONNECT_WAIT = Duration.ofSeconds(30);

    private final Pool pool;
    private final ParityService parity;
    private final Vertx vertx;
    private final Config config;
    private volatile PgSubscriber subscriber;

    ReplicaNotifications(Pool pool, ParityService parity, Vertx vertx, Config config) {
        this.pool = pool;
        this.parity = parity;
        this.vertx = vertx;
        this.config = config;
    }

    void listen(@Observes StartupEvent event) {
        Optional<PgConnectOptions> options = connectOptions();
        if (options.isEmpty()) {
            Log.info("No datasource URL to listen on: other replicas' changes are seen by polling only");
            return;
        }
        PgSubscriber listening = PgSubscriber.subscriber(vertx, options.get())
                // after a dropped connection: try again, waiting longer each time up to 30 s, for as long as we run
                .reconnectPolicy(attempt -> Math.min(MAX_RECONNECT_WAIT.toMillis(), 250L << Math.min(attempt, 7)));
        listening.channel(CHANNEL).handler(payload -> parity.refresh().subscribe().with(s -> { },
                e -> Log.debugf("Matrix refresh on notification skipped: %s", e.getMessage())));
        subscriber = listening;
        listening.connect()
                .onFailure().retry().withBackOff(Duration.ofMillis(500), MAX_RECONNECT_WAIT).indefinitely()
                .subscribe().with(ok -> Log.debugf("Listening for other replicas' changes on %s", CHANNEL),
                        e -> Log.warnf("Not listening for other replicas' changes (polling only): %s",
                                e.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        PgSubscriber listening = subscriber;
        if (listening != null) {
            listening.closeAndForget();
        }
    }

    void onDataChanged(@ObservesAsync DataChanged event) {
        announce(event.cause()).subscribe().with(ok -> { }, e -> { });
    }

    /** Notifies every listening replica (this one too; its refresh then finds nothing new). Never fails. */
    Uni<Void> announce(String cause) {
        return pool.preparedQuery(NOTIFY).execute(Tuple.of(CHANNEL, cause)).replaceWithVoid()
                .onFailure().invoke(e -> Log.debugf("Other replicas not notified (they poll): %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * The reactive datasource's first URL with its user and password: the one server every replica shares. Other
     * datasource settings (TLS, pool sizes) are not carried over; the listening connection is one plain session.
     */
    private Optional<PgConnectOptions> connectOptions() {
        return config.getOptionalValue("quarkus.datasource.reactive.url", String.class).map(urls -> {
            String first = urls.split(",")[0].strip().replaceFirst("^vertx-reactive:", "");
            PgConnectOptions options = PgConnectOptions.fromUri(first);
            config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
            config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
            return options;
        });
    }
}
