package com.example.dunning.reliability.storm;

import com.example.dunning.workflows.model.DunningStatus;

/** What happened to an invoice at Stripe, and so what its dunning must end as. */
enum Story {
  /** The charge failed (once or twice) and nobody paid: the dunning runs on, one notice sent. */
  STILL_FAILING(DunningStatus.ACTIVE),
  /** Paid at the first attempt: never in dunning, no workflow. */
  PAID_FIRST_TRY(null),
  /** Failed, then paid; the paid event arrives before the failure: recovered, nothing sent. */
  PAID_BEFORE_FAILED(DunningStatus.RECOVERED),
  /** Failed, then paid, in order, and the failure delivered again after the payment. */
  FAILED_THEN_PAID(DunningStatus.RECOVERED),
  /** Failed, then voided at Stripe (in either order of delivery). */
  VOIDED(DunningStatus.CANCELLED),
  /** Failed, then marked uncollectible at Stripe (in either order of delivery). */
  UNCOLLECTIBLE(DunningStatus.CANCELLED),
  /** Failed, then its subscription deleted (delivered after the failure). */
  SUBSCRIPTION_DELETED(DunningStatus.CANCELLED);

  /** Null: no dunning may exist. */
  final DunningStatus outcome;

  Story(DunningStatus outcome) {
    this.outcome = outcome;
  }
}
