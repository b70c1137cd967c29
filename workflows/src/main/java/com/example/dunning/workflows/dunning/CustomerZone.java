package com.example.dunning.workflows.dunning;

import com.example.dunning.workflows.model.Customer;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The customer's time zone, where the provider knows it. */
final class CustomerZone {

  private CustomerZone() {}

  /** Null when unknown or not a valid zone id: then quiet hours cannot apply. */
  static ZoneId of(Customer customer) {
    if (customer == null || customer.timeZone() == null || customer.timeZone().isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(customer.timeZone());
    } catch (DateTimeException e) {
      return null;
    }
  }
}
