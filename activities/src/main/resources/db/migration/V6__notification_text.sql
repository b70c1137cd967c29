-- What each notice said, kept with its key when it is marked sent, so the dashboard shows what the
-- customer received: the email's subject and text part (an SMS has no subject), and the locale.
ALTER TABLE notification
    ADD COLUMN subject TEXT,
    ADD COLUMN body    TEXT,
    ADD COLUMN locale  TEXT;
