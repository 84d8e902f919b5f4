package dev.crossroads.report;

import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.ParityCell;
import dev.crossroads.snapshot.ChangeFeedRepository.FeedChange;
import dev.crossroads.snapshot.SourceKind;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns stored changes and the matrix into feed entries, in words. Pure.
 *
 * <p>Entry ids are {@code tag:} URIs (RFC 4151) built from what never changes about an event: a stored change's id
 * and time, or a feature's id and the time it became available everywhere. So a feed reader sees the same entry
 * as the same entry in every request, on every replica.
 */
public final class FeedEntries {

    /** The tagging authority and date of every id; changing them would make every reader see every entry anew. */
    static final String TAG = "tag:crossroads.dev,2025:";

    private FeedEntries() {
    }

    /**
     * What names things in entries.
     *
     * @param familyId      part of every id, so two families' feeds never share ids
     * @param base          the service's base URL as the request reached it; entry links resolve against it
     * @param languageNames by language id
     * @param featureNames  by feature id
     */
    public record Names(String familyId, URI base, Map<String, String> languageNames,
            Map<String, String> featureNames) {

        String language(String id) {
            return languageNames.getOrDefault(id, id);
        }

        String feature(String id) {
            return id == null ? null : featureNames.getOrDefault(id, id);
        }

        String featurePage(String id) {
            return base.resolve("features/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))
                    .toString();
        }

        String prefix() {
            return TAG + familyId + "/";
        }
    }

    /** A stored change as an entry; {@code featureId} is the feature its item belongs to now, or null. */
    public static FeedEntry change(FeedChange change, String featureId, Names names) {
        FeedKind kind = FeedKind.of(change.kind(), change.oldValue(), change.newValue());
        String language = names.language(change.language());
        String source = source(change.source());
        String title = "“" + oneLine(change.title()) + "”";
        String was = StatusLabel.word(change.oldValue());
        String now = StatusLabel.word(change.newValue());
        String headline = switch (kind) {
            case ADDED -> language + " " + source + ": " + title + " added" + (now == null ? "" : " (" + now + ")");
            case SHIPPED -> language + ": " + title + (was == null ? " is " + shipped(now) + " (" + source + ")"
                    : " shipped (" + source + ": " + was + " → " + now + ")");
            case STATUS_CHANGED -> language + " " + source + ": " + title + " " + was + " → " + now;
            case DROPPED -> language + " " + source + ": " + title + " dropped" + (was == null ? "" : " (was " + was
                    + ")");
            case REMOVED -> language + " " + source + ": " + title + " removed";
            case AVAILABLE_EVERYWHERE -> throw new IllegalStateException("not a stored change");
        };
        StringBuilder summary = new StringBuilder();
        if (featureId != null) {
            summary.append("Feature: ").append(names.feature(featureId)).append(". ");
        }
        summary.append(language).append(' ').append(source).append(", item ").append(change.itemKey()).append('.');
        String link = featureId != null ? names.featurePage(featureId)
                : isWebUrl(change.evidenceUrl()) ? change.evidenceUrl() : names.base().toString();
        return new FeedEntry(names.prefix() + "change/" + change.id() + "/" + change.occurredAt().getEpochSecond(),
                kind, change.occurredAt(), headline, summary.toString(), change.language(), featureId, link);
    }

    /**
     * A feature shipped in every language, dated when the last one shipped it.
     *
     * @param language only when this language was the last to ship it; null for every such feature
     * @param feature  only this feature; null for all
     */
    public static List<FeedEntry> availableEverywhere(List<MatrixRow> rows, Names names, String language,
            String feature) {
        List<FeedEntry> entries = new ArrayList<>();
        for (MatrixRow row : rows) {
            if (row.universalSince() == null || (feature != null && !feature.equals(row.feature().id()))) {
                continue;
            }
            Optional<ParityCell> last = row.cells().stream().filter(c -> c.availableSince() != null)
                    .max(Comparator.comparing(ParityCell::availableSince));
            String lastLanguage = last.map(ParityCell::language).orElse(null);
            if (language != null && !language.equals(lastLanguage)) {
                continue;
            }
            String name = oneLine(row.feature().name());
            String title = "“" + name + "” is available in every language"
                    + (lastLanguage == null ? "" : " (" + names.language(lastLanguage) + " shipped it last)");
            entries.add(new FeedEntry(names.prefix() + "available-everywhere/" + row.feature().id() + "/"
                    + row.universalSince().getEpochSecond(), FeedKind.AVAILABLE_EVERYWHERE, row.universalSince(),
                    title, "Feature: " + name + ". Shipped in " + row.cells().size() + " of " + row.cells().size()
                    + " languages.", lastLanguage, row.feature().id(), names.featurePage(row.feature().id())));
        }
        return entries;
    }

    /**
     * Newest first, at most {@code limit}. At the same instant a feature becoming available everywhere comes first:
     * it is what the changes of that instant added up to. Otherwise the order given (stored changes newest first) is
     * kept.
     */
    public static List<FeedEntry> newestFirst(List<FeedEntry> changes, List<FeedEntry> derived, int limit) {
        List<FeedEntry> all = new ArrayList<>(derived);
        all.addAll(changes);
        all.sort(Comparator.comparing(FeedEntry::at).reversed()
                .thenComparing(e -> e.kind() == FeedKind.AVAILABLE_EVERYWHERE ? 0 : 1));
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    /** "available", "in preview", "deprecated". */
    private static String shipped(String word) {
        return "preview".equals(word) ? "in preview" : word;
    }

    private static String source(SourceKind source) {
        return source.name().toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static boolean isWebUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}
