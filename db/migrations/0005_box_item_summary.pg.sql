-- PostgreSQL: the trigger that keeps boxes.item_count / items_on_loan / max_security_rank
-- (0005_box_item_summary.sql) equal to a recount of the box's files — the same rules as the SQLite triggers.
CREATE FUNCTION security_rank(s TEXT) RETURNS INTEGER IMMUTABLE LANGUAGE sql AS $$
    SELECT CASE s WHEN 'public' THEN 0 WHEN 'internal' THEN 1 WHEN 'secret' THEN 2 WHEN 'confidential' THEN 3 END
$$;

CREATE FUNCTION box_recount(p_box BIGINT) RETURNS void VOLATILE LANGUAGE sql AS $$
    UPDATE boxes SET
        item_count = (SELECT count(*) FROM items i WHERE i.box_id = p_box),
        items_on_loan = (SELECT count(*) FROM items i WHERE i.box_id = p_box AND i.state = 'on_loan'),
        max_security_rank = (SELECT max(security_rank(i.security)) FROM items i WHERE i.box_id = p_box)
    WHERE id = p_box
$$;

CREATE FUNCTION items_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.box_id IS NOT NULL THEN
            UPDATE boxes SET
                item_count = item_count + 1,
                items_on_loan = items_on_loan + (NEW.state = 'on_loan')::int,
                max_security_rank = greatest(coalesce(max_security_rank, -1), security_rank(NEW.security))
            WHERE id = NEW.box_id;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.box_id IS NOT NULL THEN
            PERFORM box_recount(OLD.box_id);
        END IF;
    ELSIF OLD.box_id IS DISTINCT FROM NEW.box_id THEN
        IF OLD.box_id IS NOT NULL THEN PERFORM box_recount(OLD.box_id); END IF;
        IF NEW.box_id IS NOT NULL THEN PERFORM box_recount(NEW.box_id); END IF;
    ELSIF NEW.box_id IS NOT NULL THEN
        IF OLD.security IS DISTINCT FROM NEW.security THEN
            PERFORM box_recount(NEW.box_id);
        ELSIF OLD.state IS DISTINCT FROM NEW.state THEN
            UPDATE boxes SET items_on_loan = items_on_loan + (NEW.state = 'on_loan')::int - (OLD.state = 'on_loan')::int
            WHERE id = NEW.box_id;
        END IF;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER items_summary_write AFTER INSERT OR DELETE OR UPDATE OF box_id, security, state ON items
    FOR EACH ROW EXECUTE FUNCTION items_summary();
