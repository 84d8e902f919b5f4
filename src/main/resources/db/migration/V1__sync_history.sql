-- What every sync did, what each source said at each change, and how every item changed over time.

-- One sync run: all sources of all languages, or those a trigger asked for.
CREATE TABLE sync_run (
    id                 BIGSERIAL PRIMARY KEY,
    trigger            VARCHAR(16)  NOT NULL,       -- STARTUP, SCHEDULE, MANUAL, WEBHOOK
    requested_language VARCHAR(64),
    requested_source   VARCHAR(16),
    replica            VARCHAR(128) NOT NULL,
    started_at         TIMESTAMPTZ  NOT NULL,
    finished_at        TIMESTAMPTZ,
    outcome            VARCHAR(16)  NOT NULL        -- RUNNING, SUCCEEDED, PARTIAL, FAILED
);
CREATE INDEX sync_run_started ON sync_run (started_at DESC);

-- What one source answered in one run. Written in the same transaction as any snapshot it produced.
CREATE TABLE source_result (
    id                   BIGSERIAL PRIMARY KEY,
    run_id               BIGINT       NOT NULL REFERENCES sync_run (id) ON DELETE CASCADE,
    language             VARCHAR(64)  NOT NULL,
    source               VARCHAR(16)  NOT NULL,     -- ROADMAP, DOCS, BOARD
    status               VARCHAR(16)  NOT NULL,     -- FETCHED, NOT_MODIFIED, UNCHANGED, SKIPPED, FAILED
    http_status          INTEGER,
    message              TEXT,
    duration_ms          BIGINT       NOT NULL,
    rate_limit_remaining INTEGER,
    snapshot_id          BIGINT,
    finished_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX source_result_latest ON source_result (language, source, finished_at DESC);

-- A source's content whenever it changed. Raw text is kept so a parser fix can re-read history.
CREATE TABLE snapshot (
    id           BIGSERIAL PRIMARY KEY,
    language     VARCHAR(64)  NOT NULL,
    source       VARCHAR(16)  NOT NULL,
    fetched_at   TIMESTAMPTZ  NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    etag         TEXT,
    content      TEXT         NOT NULL,
    item_count   INTEGER      NOT NULL
);
CREATE INDEX snapshot_latest ON snapshot (language, source, fetched_at DESC);

-- The items a snapshot held, normalised across sources (roadmap items, documented features, board cards).
CREATE TABLE snapshot_item (
    id             BIGSERIAL PRIMARY KEY,
    snapshot_id    BIGINT       NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE,
    item_key       VARCHAR(512) NOT NULL,
    title          TEXT         NOT NULL,
    kind           VARCHAR(32),
    status         VARCHAR(32),
    priority       VARCHAR(4),
    progress_done  INTEGER,
    progress_total INTEGER,
    section        TEXT,
    url            TEXT
);
CREATE INDEX snapshot_item_snapshot ON snapshot_item (snapshot_id);

-- Each item's life: first and last seen, its current values; one row per language, source and key.
CREATE TABLE tracked_item (
    id             BIGSERIAL PRIMARY KEY,
    language       VARCHAR(64)  NOT NULL,
    source         VARCHAR(16)  NOT NULL,
    item_key       VARCHAR(512) NOT NULL,
    title          TEXT         NOT NULL,
    status         VARCHAR(32),
    priority       VARCHAR(4),
    progress_done  INTEGER,
    progress_total INTEGER,
    first_seen     TIMESTAMPTZ  NOT NULL,
    last_seen      TIMESTAMPTZ  NOT NULL,
    removed_at     TIMESTAMPTZ,
    UNIQUE (language, source, item_key)
);

-- Every change to an item, in order; the Atom feed and `changes` read from here.
CREATE TABLE change_event (
    id          BIGSERIAL PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL,
    language    VARCHAR(64)  NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    item_key    VARCHAR(512) NOT NULL,
    title       TEXT         NOT NULL,
    kind        VARCHAR(32)  NOT NULL,   -- ADDED, REMOVED, STATUS_CHANGED, PROGRESS_CHANGED, PRIORITY_CHANGED, TITLE_CHANGED
    old_value   TEXT,
    new_value   TEXT,
    snapshot_id BIGINT       NOT NULL REFERENCES snapshot (id) ON DELETE CASCADE
);
CREATE INDEX change_event_time ON change_event (occurred_at, id);

-- Validators per URL for conditional requests (ETag / Last-Modified) and the hash of what they answered.
CREATE TABLE http_cache (
    url           TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT,
    content_hash  CHAR(64),
    content       TEXT,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- A lease so that of several replicas on one database exactly one syncs at a time; it expires if its holder dies.
CREATE TABLE sync_lease (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    holder      VARCHAR(128),
    expires_at  TIMESTAMPTZ
);
INSERT INTO sync_lease (id, holder, expires_at) VALUES (1, NULL, NULL);

-- Rows written in bulk take their ids from their sequences 50 at a time, so Hibernate can batch the inserts.
ALTER SEQUENCE snapshot_item_id_seq INCREMENT BY 50;
ALTER SEQUENCE tracked_item_id_seq INCREMENT BY 50;
ALTER SEQUENCE change_event_id_seq INCREMENT BY 50;
