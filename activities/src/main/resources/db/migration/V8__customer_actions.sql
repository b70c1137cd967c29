-- A customer-level action (retry every open invoice once, issue 22), keyed by the coordinator's
-- action key, and its claim on each dunning it reaches: the claims are made once, when the action
-- first runs, so a repeated delivery or a retried activity signals no dunning twice.
CREATE TABLE customer_action (
    action_key   TEXT        PRIMARY KEY,
    provider     TEXT        NOT NULL,
    customer_id  TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    requested_by TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE customer_action_dunning (
    action_key   TEXT        NOT NULL REFERENCES customer_action (action_key),
    dunning_id   TEXT        NOT NULL REFERENCES failed_invoice (dunning_id),
    state        TEXT        NOT NULL,
    signalled_at TIMESTAMPTZ,
    PRIMARY KEY (action_key, dunning_id)
);

-- The customer page and the action read a customer's dunnings by provider and customer.
CREATE INDEX failed_invoice_provider_customer ON failed_invoice (provider, customer_id, failed_at);
