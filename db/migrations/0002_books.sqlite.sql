-- The archive's books (issue 2): SQLite-only part — the catalogue search index.
--
-- catalog_fts is a contentless FTS5 table keyed by items.id. Each column holds the text's overlapping
-- character bigrams, each written as one hex token (hex(lower(substr(x, n, 2)))), so that
--   * a query of 2+ characters is the phrase of its bigrams → an exact substring match, Chinese or not
--     (FTS5's trigram tokenizer cannot answer 2-character queries such as 档案 or 财务);
--   * a 1-character query is a prefix query on its own hex.
-- The text is built here by triggers, so every writer (kiosk, archivectl import, the sqlite3 shell)
-- keeps the index current. db/Catalog.cpp builds the matching query (the one C++ place for it) and
-- re-checks every hit against the real columns.
-- search_nums(n) = 1..1000: the positions a bigram can start at (text beyond 1000 characters is not indexed).

CREATE TABLE search_nums (n INTEGER PRIMARY KEY);
INSERT INTO search_nums(n)
    WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000) SELECT x FROM c;

CREATE VIRTUAL TABLE catalog_fts USING fts5(title, code, fonds, year, content='', tokenize='unicode61');

CREATE TRIGGER items_fts_insert AFTER INSERT ON items
BEGIN
    INSERT INTO catalog_fts(rowid, title, code, fonds, year) VALUES (
        NEW.id,
        (SELECT group_concat(hex(lower(substr(NEW.title, n, 2))), ' ') FROM search_nums WHERE n <= length(NEW.title)),
        (SELECT group_concat(hex(lower(substr(NEW.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(NEW.archival_code)),
        (SELECT group_concat(hex(lower(substr(t.x, n, 2))), ' ') FROM search_nums,
            (SELECT f.code || ' ' || f.name AS x FROM boxes b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = NEW.box_id) t
            WHERE n <= length(t.x)),
        (SELECT group_concat(hex(substr(CAST(NEW.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(NEW.year AS TEXT))));
END;

CREATE TRIGGER items_fts_delete AFTER DELETE ON items
BEGIN
    INSERT INTO catalog_fts(catalog_fts, rowid, title, code, fonds, year) VALUES ('delete',
        OLD.id,
        (SELECT group_concat(hex(lower(substr(OLD.title, n, 2))), ' ') FROM search_nums WHERE n <= length(OLD.title)),
        (SELECT group_concat(hex(lower(substr(OLD.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(OLD.archival_code)),
        (SELECT group_concat(hex(lower(substr(t.x, n, 2))), ' ') FROM search_nums,
            (SELECT f.code || ' ' || f.name AS x FROM boxes b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = OLD.box_id) t
            WHERE n <= length(t.x)),
        (SELECT group_concat(hex(substr(CAST(OLD.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(OLD.year AS TEXT))));
END;

CREATE TRIGGER items_fts_update AFTER UPDATE OF title, archival_code, year, box_id ON items
BEGIN
    INSERT INTO catalog_fts(catalog_fts, rowid, title, code, fonds, year) VALUES ('delete',
        OLD.id,
        (SELECT group_concat(hex(lower(substr(OLD.title, n, 2))), ' ') FROM search_nums WHERE n <= length(OLD.title)),
        (SELECT group_concat(hex(lower(substr(OLD.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(OLD.archival_code)),
        (SELECT group_concat(hex(lower(substr(t.x, n, 2))), ' ') FROM search_nums,
            (SELECT f.code || ' ' || f.name AS x FROM boxes b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = OLD.box_id) t
            WHERE n <= length(t.x)),
        (SELECT group_concat(hex(substr(CAST(OLD.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(OLD.year AS TEXT))));
    INSERT INTO catalog_fts(rowid, title, code, fonds, year) VALUES (
        NEW.id,
        (SELECT group_concat(hex(lower(substr(NEW.title, n, 2))), ' ') FROM search_nums WHERE n <= length(NEW.title)),
        (SELECT group_concat(hex(lower(substr(NEW.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(NEW.archival_code)),
        (SELECT group_concat(hex(lower(substr(t.x, n, 2))), ' ') FROM search_nums,
            (SELECT f.code || ' ' || f.name AS x FROM boxes b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = NEW.box_id) t
            WHERE n <= length(t.x)),
        (SELECT group_concat(hex(substr(CAST(NEW.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(NEW.year AS TEXT))));
END;

-- A box moved to another fonds, or a fonds renamed: re-index the fonds column of the affected items.
CREATE TRIGGER boxes_fts_fonds BEFORE UPDATE OF fonds_id ON boxes
WHEN OLD.fonds_id IS NOT NEW.fonds_id
BEGIN
    INSERT INTO catalog_fts(catalog_fts, rowid, title, code, fonds, year)
    SELECT 'delete', i.id,
        (SELECT group_concat(hex(lower(substr(i.title, n, 2))), ' ') FROM search_nums WHERE n <= length(i.title)),
        (SELECT group_concat(hex(lower(substr(i.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(i.archival_code)),
        (SELECT group_concat(hex(lower(substr(t.x, n, 2))), ' ') FROM search_nums,
            (SELECT f.code || ' ' || f.name AS x FROM fonds f WHERE f.id = OLD.fonds_id) t WHERE n <= length(t.x)),
        (SELECT group_concat(hex(substr(CAST(i.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(i.year AS TEXT)))
    FROM items i WHERE i.box_id = OLD.id;
    INSERT INTO catalog_fts(rowid, title, code, fonds, year)
    SELECT i.id,
        (SELECT group_concat(hex(lower(substr(i.title, n, 2))), ' ') FROM search_nums WHERE n <= length(i.title)),
        (SELECT group_concat(hex(lower(substr(i.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(i.archival_code)),
        (SELECT group_concat(hex(lower(substr(t.x, n, 2))), ' ') FROM search_nums,
            (SELECT f.code || ' ' || f.name AS x FROM fonds f WHERE f.id = NEW.fonds_id) t WHERE n <= length(t.x)),
        (SELECT group_concat(hex(substr(CAST(i.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(i.year AS TEXT)))
    FROM items i WHERE i.box_id = OLD.id;
END;

CREATE TRIGGER fonds_fts_rename BEFORE UPDATE OF code, name ON fonds
BEGIN
    INSERT INTO catalog_fts(catalog_fts, rowid, title, code, fonds, year)
    SELECT 'delete', i.id,
        (SELECT group_concat(hex(lower(substr(i.title, n, 2))), ' ') FROM search_nums WHERE n <= length(i.title)),
        (SELECT group_concat(hex(lower(substr(i.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(i.archival_code)),
        (SELECT group_concat(hex(lower(substr(OLD.code || ' ' || OLD.name, n, 2))), ' ') FROM search_nums
            WHERE n <= length(OLD.code || ' ' || OLD.name)),
        (SELECT group_concat(hex(substr(CAST(i.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(i.year AS TEXT)))
    FROM items i JOIN boxes b ON b.id = i.box_id WHERE b.fonds_id = OLD.id;
    INSERT INTO catalog_fts(rowid, title, code, fonds, year)
    SELECT i.id,
        (SELECT group_concat(hex(lower(substr(i.title, n, 2))), ' ') FROM search_nums WHERE n <= length(i.title)),
        (SELECT group_concat(hex(lower(substr(i.archival_code, n, 2))), ' ') FROM search_nums WHERE n <= length(i.archival_code)),
        (SELECT group_concat(hex(lower(substr(NEW.code || ' ' || NEW.name, n, 2))), ' ') FROM search_nums
            WHERE n <= length(NEW.code || ' ' || NEW.name)),
        (SELECT group_concat(hex(substr(CAST(i.year AS TEXT), n, 2)), ' ') FROM search_nums WHERE n <= length(CAST(i.year AS TEXT)))
    FROM items i JOIN boxes b ON b.id = i.box_id WHERE b.fonds_id = OLD.id;
END;
