package com.example.dunning.api.seed.paymentfailed;

import com.example.dunning.workflows.model.DunningStatus;

/**
 * The {@code StatusId} of seed 000: a number for each {@link DunningStatus}, and 0 in a request for
 * any status.
 */
enum StatusId {
  ANY(0, null),
  ACTIVE(1, DunningStatus.ACTIVE),
  PAUSED(2, DunningStatus.PAUSED),
  RECOVERED(3, DunningStatus.RECOVERED),
  CANCELLED(4, DunningStatus.CANCELLED),
  EXPIRED(5, DunningStatus.EXPIRED);

  private final int code;
  private final DunningStatus status;

  StatusId(int code, DunningStatus status) {
    this.code = code;
    this.status = status;
  }

  int code() {
    return code;
  }

  /** The status to filter by; null for {@link #ANY}. */
  DunningStatus status() {
    return status;
  }

  /** The request's value; null (left out) means any status. */
  static StatusId ofRequest(Long code) {
    if (code == null) {
      return ANY;
    }
    for (StatusId id : values()) {
      if (id.code == code) {
        return id;
      }
    }
    throw new InvalidStatusRequest(
        "StatusId must be 0 (any), 1 (ACTIVE), 2 (PAUSED), 3 (RECOVERED), 4 (CANCELLED) or 5"
            + " (EXPIRED), not "
            + code);
  }

  /** The code of a status as the worker stores it in {@code failed_invoice.status}. */
  static int codeOf(String storedStatus) {
    DunningStatus status = DunningStatus.valueOf(storedStatus);
    for (StatusId id : values()) {
      if (id.status == status) {
        return id.code;
      }
    }
    throw new IllegalStateException("no StatusId for " + storedStatus);
  }
}
