package com.example.dunning.activities.events;

/** Where one event stands with one endpoint; the database keeps the name. */
public enum DeliveryState {
  /** Due, or waiting for its next try. */
  PENDING,
  DELIVERED,
  /** Retried until the give-up time without a 2xx; goes out again when redelivered. */
  FAILED
}
