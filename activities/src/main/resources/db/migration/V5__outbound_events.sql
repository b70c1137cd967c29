-- The events a dunning tells the business's endpoints (docs/events.md), written in the same
-- transaction as the step they report: a transactional outbox. No endpoint configured, no row.
CREATE TABLE dunning_event (
    event_id   TEXT        PRIMARY KEY,
    dunning_id TEXT        NOT NULL REFERENCES failed_invoice (dunning_id),
    type       TEXT        NOT NULL,
    sequence   INTEGER     NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    body       TEXT        NOT NULL,
    UNIQUE (dunning_id, sequence)
);

-- One row per event and endpoint: what the delivery loop in the worker sends, retries and gives
-- up on. A claimed row carries a lease, so a worker killed mid-delivery leaves it to another.
CREATE TABLE event_delivery (
    event_id     TEXT        NOT NULL REFERENCES dunning_event (event_id),
    endpoint     TEXT        NOT NULL,
    dunning_id   TEXT        NOT NULL,
    sequence     INTEGER     NOT NULL,
    state        TEXT        NOT NULL,
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_status  INTEGER,
    last_error   TEXT,
    next_try_at  TIMESTAMPTZ NOT NULL,
    give_up_at   TIMESTAMPTZ NOT NULL,
    leased_until TIMESTAMPTZ,
    delivered_at TIMESTAMPTZ,
    failed_at    TIMESTAMPTZ,
    PRIMARY KEY (event_id, endpoint)
);
CREATE INDEX event_delivery_due ON event_delivery (next_try_at) WHERE state = 'PENDING';
CREATE INDEX event_delivery_line ON event_delivery (dunning_id, endpoint, sequence) WHERE state = 'PENDING';
CREATE INDEX event_delivery_failed ON event_delivery (failed_at DESC) WHERE state = 'FAILED';
