-- What the parity matrix needs of each stored item, curation that survives every sync, and a data version.

-- Items: the status column held three vocabularies (roadmap states, docs markers, raw board columns). It keeps the
-- source's word as status_raw; status is now the one vocabulary of the matrix (FeatureStatus). Evidence is kept.
ALTER TABLE snapshot_item RENAME COLUMN status TO status_raw;
ALTER TABLE tracked_item RENAME COLUMN status TO status_raw;
ALTER TABLE snapshot_item ALTER COLUMN status_raw TYPE TEXT;
ALTER TABLE tracked_item ALTER COLUMN status_raw TYPE TEXT;
ALTER TABLE snapshot_item
    ADD COLUMN status       VARCHAR(16),
    ADD COLUMN evidence_url TEXT,
    ADD COLUMN links        JSONB,
    ADD COLUMN table_name   TEXT;
ALTER TABLE tracked_item
    ADD COLUMN status       VARCHAR(16),
    ADD COLUMN kind         VARCHAR(32),
    ADD COLUMN section      TEXT,
    ADD COLUMN url          TEXT,
    ADD COLUMN evidence_url TEXT,
    ADD COLUMN links        JSONB,
    ADD COLUMN table_name   TEXT,
    -- when the item entered its current status (set by the sync's upsert whenever status changes)
    ADD COLUMN status_since TIMESTAMPTZ,
    -- the feature the last alignment linked it to; null when unlinked
    ADD COLUMN feature_id   VARCHAR(128);

-- The same mapping as StatusNormalizer, for rows written before this version.
CREATE FUNCTION pg_temp.normalised_status(source TEXT, raw TEXT) RETURNS TEXT LANGUAGE SQL IMMUTABLE AS $$
    SELECT CASE
        WHEN source = 'DOCS' THEN CASE
            WHEN raw IN ('DEPRECATED', 'MAINTENANCE') THEN 'DEPRECATED'
            WHEN raw IN ('BETA', 'DEVELOPER_PREVIEW', 'EXPERIMENTAL') THEN 'PREVIEW'
            ELSE 'AVAILABLE' END
        WHEN source = 'ROADMAP' THEN CASE raw
            WHEN 'SHIPPED' THEN 'AVAILABLE' WHEN 'DONE' THEN 'COMING_SOON' WHEN 'IN_PROGRESS' THEN 'IN_PROGRESS'
            WHEN 'ON_HOLD' THEN 'ON_HOLD' WHEN 'DROPPED' THEN 'NOT_PLANNED' ELSE 'PLANNED' END
        ELSE CASE
            WHEN lower(raw) LIKE 'shipped%' OR lower(raw) LIKE 'released%' THEN 'AVAILABLE'
            WHEN lower(raw) LIKE 'coming soon%' OR lower(raw) LIKE 'merged%' THEN 'COMING_SOON'
            WHEN lower(raw) LIKE 'working on it%' OR lower(raw) LIKE 'in progress%'
                 OR lower(raw) LIKE 'pending review%' THEN 'IN_PROGRESS'
            WHEN lower(raw) LIKE 'on hold%' OR lower(raw) LIKE 'blocked%' THEN 'ON_HOLD'
            WHEN lower(raw) LIKE 'backlog%' THEN 'PLANNED'
            WHEN lower(raw) LIKE 'won%t do%' OR lower(raw) LIKE 'rejected%' THEN 'NOT_PLANNED'
            ELSE 'IDEA' END
    END
$$;
UPDATE snapshot_item i SET status = pg_temp.normalised_status(s.source, i.status_raw)
FROM snapshot s WHERE s.id = i.snapshot_id;
-- one item's events, for its history and for when it entered its status
CREATE INDEX change_event_item ON change_event (language, source, item_key, occurred_at);
UPDATE tracked_item SET status = pg_temp.normalised_status(source, status_raw),
    status_since = COALESCE((SELECT max(e.occurred_at) FROM change_event e
                             WHERE e.language = tracked_item.language AND e.source = tracked_item.source
                               AND e.item_key = tracked_item.item_key AND e.kind IN ('ADDED', 'STATUS_CHANGED')),
                            first_seen);
CREATE INDEX tracked_item_present ON tracked_item (language, source) WHERE removed_at IS NULL;
-- what the latest snapshot said of each present item, until the next sync reads it again
UPDATE tracked_item t SET kind = i.kind, section = i.section, url = i.url
FROM snapshot_item i
WHERE i.snapshot_id = (SELECT s.id FROM snapshot s WHERE s.language = t.language AND s.source = t.source
                       ORDER BY s.fetched_at DESC, s.id DESC LIMIT 1)
  AND i.item_key = t.item_key;
-- Evidence, links and table names were never stored: the next sync must read every source again, not answer
-- "unchanged". Forgetting the validators makes it fetch; a latest hash no content has makes it store (and diff).
DELETE FROM http_cache;
UPDATE snapshot SET content_hash = repeat('0', 64)
WHERE id IN (SELECT DISTINCT ON (language, source) id FROM snapshot ORDER BY language, source, fetched_at DESC, id DESC);

-- Bumped in the same statement as every stored snapshot and every curation change: the matrix is rebuilt, and
-- cached responses dropped, when it moves. Replicas poll it.
CREATE TABLE data_version (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    version    BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, (SELECT count(*) FROM snapshot), now());

-- Curation: what maintainers decided, applied over the catalog and automatic alignment on every rebuild.
-- Features created, or renamed / regrouped / described, by a maintainer.
CREATE TABLE curated_feature (
    id          VARCHAR(128) PRIMARY KEY,
    name        TEXT,
    group_name  TEXT,
    description TEXT,
    updated_at  TIMESTAMPTZ NOT NULL
);
-- An item linked to a feature by hand, or unlinked (feature_id NULL): wins over any automatic link.
CREATE TABLE curated_link (
    language   VARCHAR(64)  NOT NULL,
    source     VARCHAR(16)  NOT NULL,
    item_key   VARCHAR(512) NOT NULL,
    feature_id VARCHAR(128),
    updated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (language, source, item_key)
);
-- A feature folded into another: its items and aliases belong to the target from then on.
CREATE TABLE curated_merge (
    from_id    VARCHAR(128) PRIMARY KEY,
    into_id    VARCHAR(128) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
-- Alignment suggestions a maintainer turned down; accepted ones become curated links.
CREATE TABLE rejected_suggestion (
    language   VARCHAR(64)  NOT NULL,
    source     VARCHAR(16)  NOT NULL,
    item_key   VARCHAR(512) NOT NULL,
    feature_id VARCHAR(128) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (language, source, item_key, feature_id)
);
