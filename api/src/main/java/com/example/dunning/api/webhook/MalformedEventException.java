package com.example.dunning.api.webhook;

/** A correctly signed event that cannot be read as what its type promises: answered 400. */
class MalformedEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedEventException(String message) {
    super(message);
  }

  MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
