-- Each box carries a summary of its files (issue 2, box lookup): how many files it holds, how many of them are
-- lent out on their own, and the highest security level among them (0 公开 public, 1 内部 internal, 2 秘密 secret,
-- 3 机密 confidential; NULL = the box holds no files, so the category's default applies). The box card, check-out's
-- rule reads (R2, R4) and the request list read these three columns instead of visiting every file of the box.
-- The dialect files keep them right with triggers on items, so every writer (the books, imports, the sqlite3
-- shell) maintains them; tests compare them with a recount after every kind of write.
ALTER TABLE boxes ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE boxes ADD COLUMN items_on_loan INTEGER NOT NULL DEFAULT 0;
ALTER TABLE boxes ADD COLUMN max_security_rank INTEGER;

-- Archives made before this migration: count what is there now.
UPDATE boxes SET
    item_count = (SELECT count(*) FROM items i WHERE i.box_id = boxes.id),
    items_on_loan = (SELECT count(*) FROM items i WHERE i.box_id = boxes.id AND i.state = 'on_loan'),
    max_security_rank = (SELECT max(CASE i.security WHEN 'public' THEN 0 WHEN 'internal' THEN 1 WHEN 'secret' THEN 2
                                                    WHEN 'confidential' THEN 3 END)
                         FROM items i WHERE i.box_id = boxes.id);
