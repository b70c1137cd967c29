-- One row per failed invoice in dunning. The columns of the PaymentIntentFailed record of the
-- GetInvoicePaymentFailed API (seed 000) are kept under names close to theirs.
CREATE TABLE failed_invoice (
    id                  BIGSERIAL PRIMARY KEY,
    dunning_id          TEXT        NOT NULL UNIQUE,
    provider            TEXT        NOT NULL,
    invoice_id          TEXT        NOT NULL,
    payment_intent_id   TEXT,
    payment_method_id   TEXT,
    amount_due          BIGINT      NOT NULL,
    currency            TEXT        NOT NULL,
    customer_id         TEXT,
    customer_email      TEXT,
    customer_name       TEXT,
    phone_number        TEXT,
    time_zone           TEXT,
    subscription_id     TEXT,
    plan_id             TEXT,
    user_id             BIGINT,
    artist_name         TEXT,
    package_id          BIGINT,
    package_name        TEXT,
    package_expiry_date TIMESTAMPTZ,
    profile_url         TEXT,
    pay_url             TEXT,
    failed_at           TIMESTAMPTZ NOT NULL,
    attempt_count       INTEGER     NOT NULL,
    status              TEXT        NOT NULL,
    policy_version      TEXT,
    outcome_reason      TEXT,
    ended_at            TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (provider, invoice_id)
);
CREATE INDEX failed_invoice_status ON failed_invoice (status, failed_at);
CREATE INDEX failed_invoice_customer ON failed_invoice (customer_id);
CREATE INDEX failed_invoice_user ON failed_invoice (user_id, status);

-- Each charge of a failed invoice: the first failure, every retry, the final success
-- (the subscription_invoice_payment resource, seed 003).
CREATE TABLE payment_attempt (
    id                  UUID        PRIMARY KEY,
    record_key          TEXT        NOT NULL UNIQUE,
    dunning_id          TEXT        NOT NULL REFERENCES failed_invoice (dunning_id),
    number              INTEGER     NOT NULL,
    success             BOOLEAN     NOT NULL,
    pending             BOOLEAN     NOT NULL DEFAULT FALSE,
    gateway             TEXT        NOT NULL,
    external_payment_id TEXT,
    failure_reason      TEXT,
    amount              BIGINT      NOT NULL,
    currency            TEXT        NOT NULL,
    includes_tax        BOOLEAN     NOT NULL DEFAULT FALSE,
    manual_payment      BOOLEAN     NOT NULL DEFAULT FALSE,
    job_id              UUID        NOT NULL,
    payment_taken_at    TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX payment_attempt_dunning ON payment_attempt (dunning_id, created_at);

-- Every step of a dunning, as the logs of the failed-payment details API (seed 004).
CREATE TABLE dunning_log (
    id             BIGSERIAL   PRIMARY KEY,
    record_key     TEXT        NOT NULL UNIQUE,
    dunning_id     TEXT        NOT NULL REFERENCES failed_invoice (dunning_id),
    title          TEXT        NOT NULL,
    logged_at      TIMESTAMPTZ NOT NULL,
    note           TEXT,
    status         TEXT        NOT NULL,
    sent_to        TEXT,
    payment_method TEXT,
    refund_amount  NUMERIC(19, 4)
);
CREATE INDEX dunning_log_dunning ON dunning_log (dunning_id, logged_at, id);

-- A notice's key is claimed here before the message goes out: a retried activity finds it and
-- sends nothing twice.
CREATE TABLE notification (
    notice_key TEXT        PRIMARY KEY,
    dunning_id TEXT        NOT NULL,
    channel    TEXT        NOT NULL,
    kind       TEXT        NOT NULL,
    recipient  TEXT,
    state      TEXT        NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at    TIMESTAMPTZ
);

-- The customer's package as dunning leaves it: expired at the end of grace, restored when paid late.
CREATE TABLE package_expiry (
    dunning_id             TEXT        PRIMARY KEY REFERENCES failed_invoice (dunning_id),
    provider               TEXT        NOT NULL,
    customer_id            TEXT,
    subscription_id        TEXT,
    package_name           TEXT,
    expired_at             TIMESTAMPTZ NOT NULL,
    subscription_cancelled BOOLEAN     NOT NULL DEFAULT FALSE,
    restored_at            TIMESTAMPTZ
);
