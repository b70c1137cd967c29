/**
 * The reliability suite: the whole stack (webhooks, worker, PostgreSQL, SMTP, a Stripe stand-in,
 * Temporal) under webhook storms, injected faults and bad input. Each scenario counts what was
 * lost, sent twice or let in, and prints one row of the reliability table in docs/reliability.md.
 */
package com.example.dunning.reliability;
