-- Labels and printing (issue 6). Every label that came out of a printer: which box or shelf, which template,
-- a SHA-256 of the printed fields (labels/LabelData::hash()), when, on which printer, which job.
-- A box's label is stale when the hash of its current fields differs from its last printed one.
CREATE TABLE label_prints (
    id {{id}},
    kind TEXT NOT NULL CHECK (kind IN ('box','location')),
    barcode TEXT NOT NULL,
    template TEXT NOT NULL,
    data_hash TEXT NOT NULL,
    printer TEXT NOT NULL DEFAULT '',
    job_ref TEXT NOT NULL DEFAULT '',
    cups_job_id INTEGER NOT NULL DEFAULT 0,
    printed_at BIGINT NOT NULL,
    actor TEXT NOT NULL DEFAULT ''
);
CREATE INDEX label_prints_barcode ON label_prints(barcode, printed_at);
