-- Sync history is now written by one SQL statement per source (nextval per row) rather than by Hibernate batches
-- that took ids 50 at a time: back to consecutive ids. Hibernate Reactive used each nextval as the first id of its
-- block of 50, so a database written before holds ids up to 49 past the sequence's value: restart each sequence
-- after the highest id in use.
ALTER SEQUENCE snapshot_item_id_seq INCREMENT BY 1;
ALTER SEQUENCE tracked_item_id_seq INCREMENT BY 1;
ALTER SEQUENCE change_event_id_seq INCREMENT BY 1;
SELECT setval('snapshot_item_id_seq', COALESCE((SELECT max(id) FROM snapshot_item), 0) + 1, false);
SELECT setval('tracked_item_id_seq', COALESCE((SELECT max(id) FROM tracked_item), 0) + 1, false);
SELECT setval('change_event_id_seq', COALESCE((SELECT max(id) FROM change_event), 0) + 1, false);

-- Raw page text is kept out of line but uncompressed: every changed page is written once per sync, pglz compression
-- of it was CPU on the sync's critical path, and Markdown snapshots are small next to what disks hold.
ALTER TABLE snapshot ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE http_cache ALTER COLUMN content SET STORAGE EXTERNAL;
