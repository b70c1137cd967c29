package com.example.dunning.api.dunnings;

/** The action needs a running dunning, and this one has ended (or its package has expired). */
public class DunningEndedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String dunningId;
  private final String status;

  DunningEndedException(String dunningId, String status, String message) {
    super(message);
    this.dunningId = dunningId;
    this.status = status;
  }

  public String dunningId() {
    return dunningId;
  }

  /** The dunning's status, or null where unknown. */
  public String status() {
    return status;
  }
}
