-- PostgreSQL only (issue 8): the two messages around every scoped write of db/Transaction.cpp (check-out of a whole
-- box, check-in) as server functions. Sent as text, the lock statements and the barrier's INSERT … ON CONFLICT were
-- parsed and planned anew for every operation; PL/pgSQL keeps each statement's plan for the session, so a kiosk's
-- server process plans them once. Same locks, same order, same durability as the statements they replace.

-- Opens a scoped write: this transaction commits asynchronously (the durability barrier below follows it), takes the
-- archive lock shared (p_archive = Database::kWriteLockKey), then the advisory lock of every box the code names
-- (a box barcode, or the box of a file's archival code; lowest id first) and of the person with this card. A VOLATILE
-- function takes a fresh snapshot for each statement, so under READ COMMITTED the lookups run after the archive lock
-- is granted, as the separate statements did.
CREATE FUNCTION write_scope_begin(p_archive BIGINT, p_code TEXT, p_card TEXT) RETURNS void VOLATILE LANGUAGE plpgsql AS $$
DECLARE
    b BIGINT;
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    PERFORM pg_advisory_xact_lock_shared(p_archive);
    IF p_code <> '' THEN
        FOR b IN SELECT id FROM boxes WHERE barcode = p_code
                 UNION SELECT box_id FROM items WHERE archival_code = p_code AND box_id IS NOT NULL
                 ORDER BY 1 LOOP
            PERFORM pg_advisory_xact_lock(1, (b % 2147483647)::int);
        END LOOP;
    END IF;
    IF p_card <> '' THEN
        FOR b IN SELECT id FROM people WHERE card = p_card LOOP
            PERFORM pg_advisory_xact_lock(2, (b % 2147483647)::int);
        END LOOP;
    END IF;
END;
$$;

-- The durability barrier (0003_commit_barrier.pg.sql), run in its own synchronous transaction right after COMMIT.
CREATE FUNCTION commit_barrier_pass() RETURNS void VOLATILE LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO commit_barrier(pid, n) VALUES (pg_backend_pid(), 1)
        ON CONFLICT (pid) DO UPDATE SET n = commit_barrier.n + 1;
END;
$$;

-- The writes of a whole-box check-out and of a check-in, sent with the ledger entry and COMMIT in the scoped
-- transaction's last message (Transaction::queueStatement) instead of a round trip of their own. The rules were all
-- checked before (under the scope's locks); a loan that is not there as read means something is badly wrong, and the
-- whole transaction fails (nothing is confirmed).
-- p_loan: the loan's id, taken from the identity sequence by the check-out's read.
CREATE FUNCTION loan_checkout_write(p_loan BIGINT, p_box BIGINT, p_borrower BIGINT, p_request BIGINT, p_out BIGINT,
                                    p_due BIGINT, p_by TEXT) RETURNS void VOLATILE LANGUAGE plpgsql AS $$
BEGIN
    UPDATE boxes SET state = 'on_loan', updated_at = p_out WHERE id = p_box;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'check-out: box % is gone', p_box;
    END IF;
    INSERT INTO loans(id, box_id, item_id, borrower_id, request_id, out_at, due_at, out_by)
        VALUES (p_loan, p_box, NULL, p_borrower, p_request, p_out, p_due, p_by);
END;
$$;

CREATE FUNCTION loan_checkin_write(p_loan BIGINT, p_at BIGINT, p_condition TEXT, p_by TEXT, p_note TEXT, p_box BIGINT,
                                   p_state TEXT) RETURNS void VOLATILE LANGUAGE plpgsql AS $$
BEGIN
    UPDATE loans SET returned_at = p_at, return_condition = p_condition, in_by = p_by,
                     note = CASE WHEN p_note = '' THEN note ELSE p_note END
        WHERE id = p_loan AND returned_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'check-in: loan % is not open', p_loan;
    END IF;
    UPDATE boxes SET state = p_state, updated_at = p_at WHERE id = p_box;
END;
$$;
