package com.example.dunning.workflows.model;

/** What a dunning claimed by a customer-level action has had of it; stored by name. */
public enum ActionClaimState {
  /** Claimed, not yet known to be signalled. */
  CLAIMED,
  SIGNALLED,
  /** It ended before it could be signalled: nothing to retry. */
  ENDED
}
