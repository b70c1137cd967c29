package com.example.dunning.api.customers;

import org.springframework.http.HttpStatus;

/** A customer request refused, with the status the API answers and why. */
public class CustomerProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What was wrong, each with its status and the problem's title. */
  public enum Kind {
    INVALID(HttpStatus.BAD_REQUEST, "Invalid request"),
    UNKNOWN_PROVIDER(HttpStatus.BAD_REQUEST, "Unknown provider"),
    UNKNOWN_CUSTOMER(HttpStatus.NOT_FOUND, "Unknown customer"),
    CONVERSATION_OFF(HttpStatus.CONFLICT, "Customer conversations are off"),
    /** The action raced the coordinator's end or continue-as-new: the same key again is safe. */
    RETRY(HttpStatus.SERVICE_UNAVAILABLE, "Send it again");

    private final HttpStatus status;
    private final String title;

    Kind(HttpStatus status, String title) {
      this.status = status;
      this.title = title;
    }

    public HttpStatus status() {
      return status;
    }

    public String title() {
      return title;
    }
  }

  private final Kind kind;

  public CustomerProblem(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
