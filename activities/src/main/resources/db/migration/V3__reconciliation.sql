-- One row per reconciliation sweep: started when it begins, finished with its counts at its end.
-- A sweep without finished_at is running, or died with its worker and was not resumed.
CREATE TABLE reconciliation (
    sweep_id          TEXT        PRIMARY KEY,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    invoices_scanned  INTEGER     NOT NULL DEFAULT 0,
    dunnings_started  INTEGER     NOT NULL DEFAULT 0,
    dunnings_checked  INTEGER     NOT NULL DEFAULT 0,
    dunnings_ended    INTEGER     NOT NULL DEFAULT 0,
    errors            INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX reconciliation_started ON reconciliation (started_at DESC);
