-- The log holds only the words of the workflows' LogTitle and EntryStatus: the API reads every row
-- back as those enums, so a word outside them is refused when written, not when read. A new title
-- widens this check in a migration of its own (LogWordsTableTest fails until it does).
ALTER TABLE dunning_log ADD CONSTRAINT dunning_log_title CHECK (
    title IN (
        'PAYMENT FAILED',
        'RETRY FAILED',
        'RETRY SUCCEEDED',
        'EMAIL SENT',
        'EMAIL NOT SENT',
        'SMS SENT',
        'SMS NOT SENT',
        'PAYMENT METHOD UPDATED',
        'PAUSED',
        'RESUMED',
        'PACKAGE EXPIRED',
        'PACKAGE RESTORED',
        'PAID',
        'CANCELLED',
        'ENDED',
        'DEFERRED'
    )
);

ALTER TABLE dunning_log ADD CONSTRAINT dunning_log_status CHECK (
    status IN ('SUCCESS', 'FAILED', 'SKIPPED')
);
