-- SQLite: the triggers that keep boxes.item_count / items_on_loan / max_security_rank (0005_box_item_summary.sql)
-- equal to a recount of the box's files. A new file only raises the figures; a file removed, moved to another box or
-- given another security level recounts the box it left (max cannot be undone incrementally).

CREATE TRIGGER items_summary_insert AFTER INSERT ON items WHEN NEW.box_id IS NOT NULL
BEGIN
    UPDATE boxes SET
        item_count = item_count + 1,
        items_on_loan = items_on_loan + (NEW.state = 'on_loan'),
        max_security_rank = max(coalesce(max_security_rank, -1),
                                CASE NEW.security WHEN 'public' THEN 0 WHEN 'internal' THEN 1 WHEN 'secret' THEN 2
                                                  WHEN 'confidential' THEN 3 END)
    WHERE id = NEW.box_id;
END;

CREATE TRIGGER items_summary_delete AFTER DELETE ON items WHEN OLD.box_id IS NOT NULL
BEGIN
    UPDATE boxes SET
        item_count = item_count - 1,
        items_on_loan = items_on_loan - (OLD.state = 'on_loan'),
        max_security_rank = (SELECT max(CASE i.security WHEN 'public' THEN 0 WHEN 'internal' THEN 1 WHEN 'secret' THEN 2
                                                        WHEN 'confidential' THEN 3 END)
                             FROM items i WHERE i.box_id = OLD.box_id)
    WHERE id = OLD.box_id;
END;

-- Lent out or back (the common case): only the on-loan count moves.
CREATE TRIGGER items_summary_state AFTER UPDATE OF state ON items
    WHEN OLD.state IS NOT NEW.state AND OLD.box_id IS NEW.box_id AND NEW.box_id IS NOT NULL
BEGIN
    UPDATE boxes SET items_on_loan = items_on_loan + (NEW.state = 'on_loan') - (OLD.state = 'on_loan')
    WHERE id = NEW.box_id;
END;

CREATE TRIGGER items_summary_security AFTER UPDATE OF security ON items
    WHEN OLD.security IS NOT NEW.security AND OLD.box_id IS NEW.box_id AND NEW.box_id IS NOT NULL
BEGIN
    UPDATE boxes SET
        max_security_rank = (SELECT max(CASE i.security WHEN 'public' THEN 0 WHEN 'internal' THEN 1 WHEN 'secret' THEN 2
                                                        WHEN 'confidential' THEN 3 END)
                             FROM items i WHERE i.box_id = NEW.box_id)
    WHERE id = NEW.box_id;
END;

-- A file moved to another box: recount both boxes.
CREATE TRIGGER items_summary_box AFTER UPDATE OF box_id ON items WHEN OLD.box_id IS NOT NEW.box_id
BEGIN
    UPDATE boxes SET
        item_count = (SELECT count(*) FROM items i WHERE i.box_id = boxes.id),
        items_on_loan = (SELECT count(*) FROM items i WHERE i.box_id = boxes.id AND i.state = 'on_loan'),
        max_security_rank = (SELECT max(CASE i.security WHEN 'public' THEN 0 WHEN 'internal' THEN 1 WHEN 'secret' THEN 2
                                                        WHEN 'confidential' THEN 3 END)
                             FROM items i WHERE i.box_id = boxes.id)
    WHERE id IN (OLD.box_id, NEW.box_id);
END;
