package com.example.dunning.api.dunnings;

/** No dunning has that id, and no dunning is recorded for an invoice of that id. */
public class DunningNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DunningNotFoundException(String id) {
    super("no dunning with id or invoice id '" + id + "'");
  }
}
