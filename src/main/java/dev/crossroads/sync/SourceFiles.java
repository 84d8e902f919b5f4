package dev.crossroads.sync;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.db.StoredText;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.github.Fetched;
import dev.crossroads.source.github.GitHubFileClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Reads a language's files from its repository (conditionally, remembering validators per URL) or from its local
 * folder. Never touches the database: the cache is handed in and updates are handed back, to be written with the
 * source's result in one transaction.
 */
@ApplicationScoped
class SourceFiles {

    private final GitHubFileClient github;
    private final io.vertx.mutiny.core.Vertx vertx;
    private final int maxBytes;

    SourceFiles(GitHubFileClient github, io.vertx.mutiny.core.Vertx vertx, CrossroadsConfig config) {
        this.github = github;
        this.vertx = vertx;
        this.maxBytes = config.sync().maxBytes();
    }

    Uni<FileRead> read(LanguageSource language, String path, HttpCache cache) {
        if (language.localPath().isPresent()) {
            return readLocal(language.localPath().get().resolve(path), cache);
        }
        String url = github.urlOf(language.repository(), language.branch(), path);
        HttpCacheEntry cached = cache.get(url);
        return github.fetch(url, cached == null ? null : cached.etag(), cached == null ? null : cached.lastModified())
                .map(answer -> fromAnswer(url, answer, cached));
    }

    private FileRead fromAnswer(String url, Fetched answer, HttpCacheEntry cached) {
        return switch (answer.status()) {
            case NOT_FOUND -> new FileRead(url, null, null, null, true, true, answer.httpStatus(),
                    answer.rateLimitRemaining(), null);
            // the text is the copy kept in the cache, read only if the source is parsed (HttpCache.withContent)
            case NOT_MODIFIED -> {
                if (cached == null) {
                    throw new IllegalStateException(url + " answered 304 Not Modified to a request without validators");
                }
                yield new FileRead(url, null, null, cached.contentHash(), false, false, answer.httpStatus(),
                        answer.rateLimitRemaining(), null);
            }
            case OK -> {
                // hashed and stored as the bytes received, unless decoding replaced something (StoredText)
                byte[] bytes = StoredText.utf8Bytes(answer.body(), answer.bytes());
                String hash = Hashing.sha256(bytes);
                Buffer utf8 = StoredText.wrap(bytes);
                boolean same = cached != null && hash.equals(cached.contentHash());
                boolean validatorsMoved = cached == null || !java.util.Objects.equals(cached.etag(), answer.etag())
                        || !java.util.Objects.equals(cached.lastModified(), answer.lastModified());
                HttpCacheEntry update = same && !validatorsMoved ? null
                        : entry(url, answer.etag(), answer.lastModified(), hash, utf8);
                yield new FileRead(url, answer.body(), utf8, hash, !same, false, answer.httpStatus(),
                        answer.rateLimitRemaining(), update);
            }
        };
    }

    /**
     * Local folders: the content hash plays the part of the validators. Disk reads run on a worker and the result
     * comes back on the caller's Vert.x context, where the database session lives.
     */
    private Uni<FileRead> readLocal(Path file, HttpCache cache) {
        String key = file.toUri().toString();
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                if (Files.size(file) > maxBytes) {
                    throw new IllegalStateException(file + " is larger than " + maxBytes
                            + " bytes (crossroads.sync.max-bytes)");
                }
                String text = Files.readString(file, StandardCharsets.UTF_8);
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                String hash = Hashing.sha256(bytes);
                Buffer utf8 = StoredText.wrap(bytes);
                HttpCacheEntry cached = cache.get(key);
                boolean same = cached != null && hash.equals(cached.contentHash());
                return new FileRead(key, text, utf8, hash, !same, false, 0, null,
                        same ? null : entry(key, null, null, hash, utf8));
            } catch (NoSuchFileException e) {
                return new FileRead(key, null, null, null, true, true, 0, null, null);
            } catch (IOException e) {
                throw new IllegalStateException(file + " cannot be read: " + e.getMessage(), e);
            }
        }), false);
    }

    private static HttpCacheEntry entry(String url, String etag, String lastModified, String hash, Buffer content) {
        return new HttpCacheEntry(url, etag, lastModified, hash, content, Instant.now());
    }
}
