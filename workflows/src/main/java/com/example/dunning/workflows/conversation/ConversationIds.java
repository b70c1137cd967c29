package com.example.dunning.workflows.conversation;

import java.util.Locale;
import java.util.regex.Pattern;

/** The business id of a coordinator: one workflow per provider and customer. */
public final class ConversationIds {

  private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");
  private static final Pattern REQUEST = Pattern.compile("[A-Za-z0-9_\\-.]{1,128}");

  private ConversationIds() {}

  /** {@code dunning-customer-stripe-cus_42}: readable in the Temporal UI and safe in a URL. */
  public static String workflowId(String provider, String customerId) {
    String normalized = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
    if (!PROVIDER.matcher(normalized).matches()) {
      throw new IllegalArgumentException("provider must match " + PROVIDER + ": " + provider);
    }
    if (customerId == null || !CUSTOMER.matcher(customerId).matches()) {
      throw new IllegalArgumentException("customer id must match " + CUSTOMER + ": " + customerId);
    }
    return "dunning-customer-" + normalized + "-" + customerId;
  }

  /** Whether the customer can have a coordinator: a known customer id of a named provider. */
  public static boolean hasCoordinator(String provider, String customerId) {
    return provider != null
        && PROVIDER.matcher(provider.toLowerCase(Locale.ROOT)).matches()
        && customerId != null
        && CUSTOMER.matcher(customerId).matches();
  }

  /**
   * {@code dunning-customer-stripe-cus_42:action:<request id>}: the key of a customer-level action,
   * the same for every delivery of the request.
   */
  public static String actionKey(String coordinatorId, String requestId) {
    if (requestId == null || !REQUEST.matcher(requestId).matches()) {
      throw new IllegalArgumentException("request id must match " + REQUEST + ": " + requestId);
    }
    return coordinatorId + ":action:" + requestId;
  }
}
