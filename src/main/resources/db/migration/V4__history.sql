-- History read from the repositories themselves: snapshots of past commits, the releases that shipped them, and how
-- far each language's backfill got.

-- The commit a snapshot was read at (backfilled from history; null for what a sync read from the branch tip), and
-- the first release tag that contains that commit (filled once the tags are read; null while unreleased).
ALTER TABLE snapshot
    ADD COLUMN commit_id VARCHAR(64),
    ADD COLUMN release   VARCHAR(128);
CREATE INDEX snapshot_commit ON snapshot (language, commit_id) WHERE commit_id IS NOT NULL;

-- An item that moved (a docs page to another folder) is one item: RENAMED events carry old key → new key, and the
-- new key's row keeps the first_seen and status_since of the old one.
-- (change_event.kind is VARCHAR(32): RENAMED needs no change of type.)

-- Release tags of each language: name, the commit it points at and when it was made.
CREATE TABLE release_tag (
    language  VARCHAR(64)  NOT NULL,
    name      VARCHAR(128) NOT NULL,
    commit_id VARCHAR(64)  NOT NULL,
    tagged_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (language, name)
);

-- One row per language: where its backfill stands, so an interrupted one continues after the last commit it
-- stored, and a second one reads nothing it already has. Progress is written with every slice of commits.
CREATE TABLE history_backfill (
    language        VARCHAR(64)  PRIMARY KEY,
    state           VARCHAR(16)  NOT NULL,     -- RUNNING, DONE, FAILED
    last_commit     VARCHAR(64),               -- the newest commit read (everything older on the walk is stored)
    last_commit_at  TIMESTAMPTZ,
    commits_done    INTEGER      NOT NULL,
    commits_total   INTEGER      NOT NULL,
    snapshots       INTEGER      NOT NULL,     -- snapshots this language's backfills stored, all runs together
    requests        INTEGER      NOT NULL,     -- HTTP requests the last run made (GitHub); 0 from a local clone
    message         TEXT,
    run_id          BIGINT,
    started_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    finished_at     TIMESTAMPTZ
);
