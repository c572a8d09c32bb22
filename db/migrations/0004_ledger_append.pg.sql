-- PostgreSQL only (issue 8): a ledger append done entirely on the server, for the scoped write transactions of
-- db/Transaction.h (check-out of a whole box, check-in). Transaction::commit() sends it together with COMMIT and the
-- durability barrier in one round trip, so the chain head lock is held only while the server runs that message —
-- never across a network round trip. It takes the ledger lock itself (p_lock = Database::kLedgerLockKey), then reads
-- the head: a VOLATILE function takes a fresh snapshot for each statement, so under READ COMMITTED the head read
-- sees the previous holder's commit. The hash is the same as Ledger::computeHash (db/Ledger.cpp):
--   sha256( prev_hash || canonical ), canonical = for each of seq, at, actor, action, subject, details:
--   <byte length>:<UTF-8 bytes>;  hex.  Ledger::verify checks every row with the C++ code on both backends.
CREATE FUNCTION ledger_append_chained(p_lock BIGINT, p_at BIGINT, p_actor TEXT, p_action TEXT, p_subject TEXT,
                                      p_details TEXT) RETURNS BIGINT VOLATILE LANGUAGE plpgsql AS $$
DECLARE
    head_seq BIGINT;
    head_hash TEXT;
    body TEXT;
    new_hash TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock(p_lock);
    SELECT seq, hash INTO head_seq, head_hash FROM ledger ORDER BY seq DESC LIMIT 1;
    IF NOT FOUND THEN
        head_seq := 0;
        head_hash := repeat('0', 64);
    END IF;
    body := octet_length(convert_to((head_seq + 1)::text, 'UTF8')) || ':' || (head_seq + 1)::text
         || octet_length(convert_to(p_at::text, 'UTF8')) || ':' || p_at::text
         || octet_length(convert_to(p_actor, 'UTF8')) || ':' || p_actor
         || octet_length(convert_to(p_action, 'UTF8')) || ':' || p_action
         || octet_length(convert_to(p_subject, 'UTF8')) || ':' || p_subject
         || octet_length(convert_to(p_details, 'UTF8')) || ':' || p_details;
    new_hash := encode(sha256(convert_to(head_hash || body, 'UTF8')), 'hex');
    INSERT INTO ledger(seq, at, actor, action, subject, details, prev_hash, hash)
        VALUES (head_seq + 1, p_at, p_actor, p_action, p_subject, p_details, head_hash, new_hash);
    RETURN head_seq + 1;
END;
$$;
