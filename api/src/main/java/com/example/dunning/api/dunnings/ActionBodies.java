package com.example.dunning.api.dunnings;

import java.time.Instant;

/** The optional bodies of the actions; who acts is the token's name, never the body's. */
final class ActionBodies {

  private ActionBodies() {}

  /**
   * @param note kept with the record, e.g. {@code paid by bank transfer}
   */
  record MarkPaidBody(String note) {}

  record CancelBody(String reason) {}

  /**
   * @param until when the dunning goes on by itself; left out: until resumed
   */
  record PauseBody(Instant until) {}
}
