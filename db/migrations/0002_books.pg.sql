-- The archive's books (issue 2 / issue 8): PostgreSQL-only part — the catalogue search index and the
-- ledger's TRUNCATE guard. The tables themselves are the portable 0002_books.sql.
--
-- catalog_grams holds, per item, the distinct 1- and 2-character pieces ("grams") of the same four texts
-- the SQLite FTS5 index (0002_books.sqlite.sql) holds as hex bigrams: the title, the archival code,
-- "fonds code + ' ' + fonds name" and the year, each folded with ASCII-only lower case (as SQLite's
-- lower()), characters 1..1000 as single characters and bigrams starting at 1..1000. A GIN index on the
-- array answers "contains all these grams" (`grams @> ARRAY[…]`), so 1-, 2- and 3+-character Chinese
-- queries and English/code substrings use the index; db/Catalog.cpp then re-checks every candidate
-- against the real columns with the same substring test as on SQLite, so both backends return the same hits.
-- Triggers keep it current for every writer (kiosk, archivectl import, psql).

-- ASCII-only lower case: what SQLite's lower() does (PostgreSQL's lower() would also fold non-ASCII letters).
CREATE FUNCTION ascii_lower(x text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT translate(x, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
$$;

-- SQLite's instr(haystack, needle) (1-based position, 0 when absent), so portable re-check SQL runs on both.
CREATE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT strpos(haystack, needle)
$$;

-- The grams of one text: single characters at positions 1..1000 and bigrams starting at 1..1000.
CREATE FUNCTION search_grams(x text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT g), '{}'::text[]) FROM (
        SELECT substr(t, n, 1) AS g FROM (SELECT ascii_lower(coalesce(x, '')) AS t) s,
            generate_series(1, least(length(t), 1000)) n
        UNION ALL
        SELECT substr(t, n, 2) FROM (SELECT ascii_lower(coalesce(x, '')) AS t) s,
            generate_series(1, least(length(t) - 1, 1000)) n
    ) grams
$$;

-- All grams of one item (its box's fonds is looked up; an item without a box has no fonds part).
CREATE FUNCTION item_search_grams(p_title text, p_code text, p_year integer, p_box bigint) RETURNS text[]
LANGUAGE sql STABLE AS $$
    SELECT search_grams(p_title) || search_grams(p_code)
        || coalesce((SELECT search_grams(f.code || ' ' || f.name) FROM boxes b JOIN fonds f ON f.id = b.fonds_id
                     WHERE b.id = p_box), '{}'::text[])
        || search_grams(CAST(p_year AS TEXT))
$$;

CREATE TABLE catalog_grams (
    item_id BIGINT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    grams TEXT[] NOT NULL
);
CREATE INDEX catalog_grams_gin ON catalog_grams USING gin (grams);

CREATE FUNCTION items_grams_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO catalog_grams(item_id, grams)
            VALUES (NEW.id, item_search_grams(NEW.title, NEW.archival_code, NEW.year, NEW.box_id));
    ELSE
        UPDATE catalog_grams SET grams = item_search_grams(NEW.title, NEW.archival_code, NEW.year, NEW.box_id)
            WHERE item_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER items_grams_insert AFTER INSERT ON items
    FOR EACH ROW EXECUTE FUNCTION items_grams_write();

CREATE TRIGGER items_grams_update AFTER UPDATE OF title, archival_code, year, box_id ON items
    FOR EACH ROW EXECUTE FUNCTION items_grams_write();

-- A box moved to another fonds, or a fonds renamed: re-index the fonds part of the affected items.
CREATE FUNCTION boxes_grams_fonds() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_grams g SET grams = item_search_grams(i.title, i.archival_code, i.year, i.box_id)
        FROM items i WHERE i.id = g.item_id AND i.box_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER boxes_grams_fonds AFTER UPDATE OF fonds_id ON boxes
    FOR EACH ROW WHEN (OLD.fonds_id IS DISTINCT FROM NEW.fonds_id) EXECUTE FUNCTION boxes_grams_fonds();

CREATE FUNCTION fonds_grams_rename() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_grams g SET grams = item_search_grams(i.title, i.archival_code, i.year, i.box_id)
        FROM items i JOIN boxes b ON b.id = i.box_id WHERE i.id = g.item_id AND b.fonds_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER fonds_grams_rename AFTER UPDATE OF code, name ON fonds
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION fonds_grams_rename();

-- R12: TRUNCATE bypasses row triggers on PostgreSQL; refuse it too (0001 refuses UPDATE and DELETE).
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
