package dev.crossroads.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.SourceService;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads GitHub webhook deliveries: checks the signature, and for a push that touches a tracked file says which
 * language and sources to sync. Deciding is separate from running, so a bad delivery can never start anything.
 */
@ApplicationScoped
public class WebhookService {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many delivery ids are remembered to recognise a replay: GitHub redelivers on request, within days. */
    static final int REMEMBERED_DELIVERIES = 1_000;
    /** GitHub's delivery ids are GUIDs; anything longer is not remembered, so memory stays bounded. */
    private static final int MAX_DELIVERY_ID = 100;

    private final Optional<String> secret;
    private final SourceService sources;
    /**
     * Ids of the deliveries that asked for a sync, oldest first. In memory and per replica: with several replicas a
     * replay may reach another one and be queued again. That is acceptable, since queued syncs coalesce and a
     * duplicate sync is cheap (conditional requests answer 304, an unchanged source writes nothing).
     */
    private final Map<String, Boolean> recentDeliveries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_DELIVERIES;
        }
    };

    WebhookService(CrossroadsConfig config, SourceService sources) {
        this.secret = config.github().webhookSecret().filter(s -> !s.isBlank());
        this.sources = sources;
    }

    /** What to do with a delivery. */
    public sealed interface Decision {
        /** Valid, but nothing Crossroads tracks changed. */
        record Ignore(String reason) implements Decision {
        }

        /** Sync these sources of this language. */
        record Sync(SyncRequest request) implements Decision {
        }
    }

    /** The delivery cannot be trusted or read; nothing happens. */
    public static final class Rejected extends RuntimeException {
        private final boolean unauthorized;

        Rejected(String message, boolean unauthorized) {
            super(message);
            this.unauthorized = unauthorized;
        }

        public boolean unauthorized() {
            return unauthorized;
        }
    }

    public boolean enabled() {
        return secret.isPresent();
    }

    /**
     * Decides what a delivery asks for. A push already received under the same {@code X-GitHub-Delivery} id (a
     * redelivery from GitHub's settings, a replay) is acknowledged and ignored; a delivery without an id is always
     * new.
     */
    public Decision decide(String event, String delivery, String signature, byte[] body) {
        if (!verified(signature, body)) {
            throw new Rejected("the X-Hub-Signature-256 header does not match the body", true);
        }
        if ("ping".equals(event)) {
            return new Decision.Ignore("pong");
        }
        if (!"push".equals(event)) {
            return new Decision.Ignore("ignored: '" + event + "' events do not change tracked files");
        }
        JsonNode push;
        try {
            push = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new Rejected("the push payload is not valid JSON", false);
        }
        String repository = push.path("repository").path("full_name").asText("");
        String branch = push.path("ref").asText("").replaceFirst("^refs/heads/", "");
        Optional<LanguageSource> language = sources.languages().stream()
                .filter(l -> l.repository().equalsIgnoreCase(repository) && l.branch().equals(branch)).findFirst();
        if (language.isEmpty()) {
            return new Decision.Ignore("ignored: " + repository + "@" + branch + " is not tracked");
        }
        Set<SourceKind> touched = touched(language.get(), push);
        if (touched.isEmpty()) {
            return new Decision.Ignore("ignored: the push touches no tracked file of " + language.get().id());
        }
        if (!firstTime(delivery)) {
            Log.infof("Webhook: delivery %s was received before; not queued again", delivery);
            return new Decision.Ignore("already received: delivery " + delivery + " was queued before");
        }
        Log.infof("Webhook: push to %s@%s touches %s of %s", repository, branch, touched, language.get().id());
        return new Decision.Sync(new SyncRequest(SyncRun.Trigger.WEBHOOK, Optional.of(language.get().id()), touched));
    }

    /** Remembers the id; false when it was remembered already. Only signed deliveries that ask for a sync get here. */
    private boolean firstTime(String delivery) {
        if (delivery == null || delivery.isBlank() || delivery.length() > MAX_DELIVERY_ID) {
            return true;
        }
        synchronized (recentDeliveries) {
            return recentDeliveries.put(delivery, Boolean.TRUE) == null;
        }
    }

    private static Set<SourceKind> touched(LanguageSource language, JsonNode push) {
        Set<SourceKind> kinds = EnumSet.noneOf(SourceKind.class);
        String docsRoot = language.docs().root().replaceAll("/+$", "") + "/";
        for (JsonNode commit : push.path("commits")) {
            for (String list : new String[] {"added", "modified", "removed"}) {
                for (JsonNode path : commit.path(list)) {
                    String file = path.asText();
                    if (file.equals(language.roadmapPath())) {
                        kinds.add(SourceKind.ROADMAP);
                    } else if (file.equals(language.docs().nav()) || file.equals(language.docs().home())
                            || file.startsWith(docsRoot) && file.toLowerCase(Locale.ROOT).endsWith(".md")) {
                        kinds.add(SourceKind.DOCS);
                    }
                }
            }
        }
        return kinds;
    }

    private boolean verified(String signature, byte[] body) {
        if (signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.orElseThrow().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
