package dev.crossroads.report;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered answers of one matrix state, by request: reports and feeds only change when the data version does, so
 * each is rendered once per state. A new state starts an empty generation; a full generation is emptied rather than
 * evicted piecemeal (keys carry client text, so their number must be bounded, but a hit rate is not worth more code).
 */
final class RenderCache {

    private final int maxEntries;
    private volatile Generation current = new Generation(null, new ConcurrentHashMap<>());

    private record Generation(Object state, Map<String, Rendered> entries) {
    }

    RenderCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** What {@code fill} makes for this state and key, made at most once per state while it is kept. */
    Rendered get(Object state, String key, Supplier<Rendered> fill) {
        Generation generation = generation(state);
        Rendered hit = generation.entries().get(key);
        if (hit != null) {
            return hit;
        }
        Rendered made = fill.get();
        keep(generation, key, made);
        return made;
    }

    /** As {@link #get}, for answers that need a database read. */
    Uni<Rendered> getAsync(Object state, String key, Supplier<Uni<Rendered>> fill) {
        Generation generation = generation(state);
        Rendered hit = generation.entries().get(key);
        if (hit != null) {
            return Uni.createFrom().item(hit);
        }
        return fill.get().invoke(made -> keep(generation, key, made));
    }

    private Generation generation(Object state) {
        Generation generation = current;
        if (generation.state() != state) {
            generation = new Generation(state, new ConcurrentHashMap<>());
            current = generation;
        }
        return generation;
    }

    private void keep(Generation generation, String key, Rendered made) {
        if (generation.entries().size() >= maxEntries) {
            generation.entries().clear();
        }
        generation.entries().put(key, made);
    }
}
