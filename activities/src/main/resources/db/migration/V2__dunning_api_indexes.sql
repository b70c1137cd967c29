-- The API's reads (issue 3): find a dunning by its invoice id alone, list by customer e-mail and
-- by date (newest first) without scanning failed_invoice.
CREATE INDEX failed_invoice_invoice ON failed_invoice (invoice_id);
CREATE INDEX failed_invoice_customer_email ON failed_invoice (lower(customer_email));
CREATE INDEX failed_invoice_failed_at ON failed_invoice (failed_at DESC, id DESC);
