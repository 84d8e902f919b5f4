-- Sync history is now written by one SQL statement per source (nextval per row) rather than by Hibernate batches
-- that took ids 50 at a time: back to consecutive ids.
ALTER SEQUENCE snapshot_item_id_seq INCREMENT BY 1;
ALTER SEQUENCE tracked_item_id_seq INCREMENT BY 1;
ALTER SEQUENCE change_event_id_seq INCREMENT BY 1;

-- Raw page text is kept out of line but uncompressed: every changed page is written once per sync, pglz compression
-- of it was CPU on the sync's critical path, and Markdown snapshots are small next to what disks hold.
ALTER TABLE snapshot ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE http_cache ALTER COLUMN content SET STORAGE EXTERNAL;
