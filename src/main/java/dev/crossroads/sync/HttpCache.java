package dev.crossroads.sync;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a run knows of earlier answers: the validators of every URL, read once at the start, and the copies they
 * validate, read only when needed. A copy is needed only when a 304 file belongs to a source that must be parsed
 * again (another of its files changed), so a run where nothing changed reads no file content at all, however large
 * the docs trees are.
 */
final class HttpCache {

    private final Map<String, HttpCacheEntry> entries;
    private final Function<List<String>, Uni<Map<String, String>>> copies;

    /**
     * @param entries validators by URL, for URLs whose content is kept (without the content)
     * @param copies  reads the kept content of the URLs given
     */
    HttpCache(Map<String, HttpCacheEntry> entries, Function<List<String>, Uni<Map<String, String>>> copies) {
        this.entries = Map.copyOf(entries);
        this.copies = copies;
    }

    /** The validators and content hash kept for the URL, or null. */
    HttpCacheEntry get(String url) {
        return entries.get(url);
    }

    /**
     * The reads with their content: files answered 304 get the copy kept for them (in one query for all of them);
     * the others come back as they are.
     */
    Uni<List<FileRead>> withContent(List<FileRead> reads) {
        List<String> missing = reads.stream().filter(FileRead::contentKeptElsewhere).map(FileRead::location).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().item(reads);
        }
        return copies.apply(missing).map(kept -> {
            List<FileRead> complete = new ArrayList<>(reads.size());
            for (FileRead read : reads) {
                if (!read.contentKeptElsewhere()) {
                    complete.add(read);
                    continue;
                }
                String content = kept.get(read.location());
                if (content == null) {
                    // only this run writes the cache (it holds the sync lease), so a copy listed at its start is there
                    throw new IllegalStateException("the cached copy of " + read.location() + " is gone");
                }
                complete.add(read.withContent(content));
            }
            return complete;
        });
    }

    /** One read with its content, as {@link #withContent(List)}. */
    Uni<FileRead> withContent(FileRead read) {
        return withContent(List.of(read)).map(list -> list.get(0));
    }
}
