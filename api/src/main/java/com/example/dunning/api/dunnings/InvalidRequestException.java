package com.example.dunning.api.dunnings;

import java.util.List;

/** A request the API will not act on; each error names the field and what is wrong with it. */
public class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  public InvalidRequestException(List<String> errors) {
    super(String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String error) {
    this(List.of(error));
  }

  public List<String> errors() {
    return errors;
  }
}
