package dev.crossroads.db;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Objects;

/**
 * A row of sync history as the read side sees it: the sync writes these tables with SQL (ids from their sequences),
 * the entities only read them, so the id is never generated here. Two rows are equal when they are the same row.
 */
@MappedSuperclass
public abstract class StoredRow extends PanacheEntityBase {

    @Id
    public Long id;

    @Override
    public boolean equals(Object other) {
        return this == other || other != null && getClass() == other.getClass() && id != null
                && id.equals(((StoredRow) other).id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
