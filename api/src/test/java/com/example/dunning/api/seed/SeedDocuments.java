package com.example.dunning.api.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The three seed documents the product was specified from, kept verbatim in {@code
 * src/test/resources/seeds}, and the samples cut out of them.
 */
public final class SeedDocuments {

  public static final String PAYMENT_FAILED = "seeds/000-GetInvoicePaymentFailed.txt";
  public static final String INVOICE_PAYMENT = "seeds/003-subscription-invoice-payment.txt";
  public static final String FAILED_DETAILS = "seeds/004-failed-payment-details.txt";

  private SeedDocuments() {}

  public static String read(String resource) {
    try (InputStream in = SeedDocuments.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text between the first {@code from} after {@code after} and the next {@code to}. */
  public static String between(String document, String after, String from, String to) {
    int start = document.indexOf(from, document.indexOf(after));
    if (start < 0) {
      throw new IllegalStateException("'" + from + "' not found after '" + after + "'");
    }
    start += from.length();
    int end = to == null ? document.length() : document.indexOf(to, start);
    return document.substring(start, end).trim();
  }
}
