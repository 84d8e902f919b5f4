package dev.crossroads.sync;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The validators and content of the last good answer for one URL, so the next request can be conditional. */
@Entity
@Table(name = "http_cache")
public class HttpCacheEntry extends PanacheEntityBase {

    @Id
    public String url;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(columnDefinition = "TEXT")
    public String content;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof HttpCacheEntry e && url != null && url.equals(e.url);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(url);
    }
}
