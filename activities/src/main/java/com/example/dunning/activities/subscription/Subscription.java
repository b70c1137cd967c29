package com.example.dunning.activities.subscription;

/**
 * A subscription in dunning, as its failed invoices record it: its invoices are the rows with the
 * same provider, customer and subscription id (a provider bills a subscription to one customer).
 */
public record Subscription(String provider, String customerId, String id) {

  /** The advisory lock's name: provider and subscription, which identify it at the provider. */
  public String lockName() {
    return provider + ":" + id;
  }
}
