package com.example.dunning.workflows.dunning;

import java.util.Locale;
import java.util.regex.Pattern;

/** The business ids of a dunning: one workflow per provider and invoice. */
public final class DunningIds {

  public static final String TASK_QUEUE = "dunning";

  private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  private static final Pattern INVOICE = Pattern.compile("[A-Za-z0-9_\\-]{1,128}");

  private DunningIds() {}

  /** Whether {@code name} is a provider name as written, lower case, e.g. {@code elasticpath}. */
  public static boolean isProviderName(String name) {
    return name != null && PROVIDER.matcher(name).matches();
  }

  /** The rule a provider name follows, for error messages. */
  public static String providerRule() {
    return PROVIDER.pattern();
  }

  /** {@code dunning-stripe-in_123}: stable, readable in the Temporal UI, and safe in a URL path. */
  public static String workflowId(String provider, String invoiceId) {
    String normalized = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
    if (!PROVIDER.matcher(normalized).matches()) {
      throw new IllegalArgumentException("provider must match " + PROVIDER + ": " + provider);
    }
    if (invoiceId == null || !INVOICE.matcher(invoiceId).matches()) {
      throw new IllegalArgumentException("invoice id must match " + INVOICE + ": " + invoiceId);
    }
    return "dunning-" + normalized + "-" + invoiceId;
  }
}
