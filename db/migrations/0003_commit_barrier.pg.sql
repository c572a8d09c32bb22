-- PostgreSQL only (issue 8): the durability barrier of db/Transaction.cpp.
-- A write transaction holds the archive's write lock (pg_advisory_xact_lock) until it ends. Committing it with
-- synchronous_commit = on would keep every other kiosk waiting for this commit's WAL flush, one flush per
-- operation. Instead the transaction commits with synchronous_commit = off (the lock is released at once) and
-- then, outside the lock, the same connection commits one tiny synchronous write here: that commit returns only
-- after the WAL is flushed up to it, i.e. including the transaction before it (WAL is flushed in order), and the
-- kiosks' barriers share flushes (group commit). Only then is the operation confirmed to the person.
-- One row per server process, so barriers never wait for each other's row locks.
CREATE TABLE commit_barrier (
    pid INTEGER PRIMARY KEY,
    n BIGINT NOT NULL DEFAULT 0
);
