package com.example.dunning.activities.payment;

import com.example.dunning.notices.NoticeLanguage;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.IntakeDetails;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.StripeError;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps Stripe's invoice, with its customer, subscription and payment intent, to the dunning's. */
final class StripeInvoiceMapper {

  static final String TIME_ZONE = "time_zone";

  private StripeInvoiceMapper() {}

  /**
   * @param subscription with {@code items.data.price.product} expanded, or null
   * @param paymentIntent the invoice's latest payment intent, or null
   */
  static PaymentDetails toPaymentDetails(
      Invoice invoice, Subscription subscription, PaymentIntent paymentIntent) {
    com.stripe.model.Customer customer = invoice.getCustomerObject();
    StripeError lastError = paymentIntent == null ? null : paymentIntent.getLastPaymentError();
    String failureCode = lastError == null ? null : lastError.getCode();
    Price price = firstPrice(subscription);
    return new PaymentDetails(
        StripeFailures.PROVIDER,
        invoice.getId(),
        status(invoice.getStatus()),
        orZero(invoice.getAmountDue()),
        invoice.getCurrency(),
        Math.toIntExact(orZero(invoice.getAttemptCount())),
        invoice.getNextPaymentAttempt() == null
            ? null
            : Instant.ofEpochSecond(invoice.getNextPaymentAttempt()),
        invoice.getHostedInvoiceUrl(),
        customer(invoice, customer),
        subscriptionId(invoice),
        price != null ? price.getId() : firstLinePriceId(invoice),
        packageName(price, invoice),
        paymentIntent == null ? null : paymentIntent.getId(),
        paymentMethodId(paymentIntent, lastError),
        failureCode,
        lastError == null ? null : lastError.getDeclineCode(),
        paymentIntent != null
            && ("requires_action".equals(paymentIntent.getStatus())
                || "authentication_required".equals(failureCode)),
        metadata(customer, subscription));
  }

  static InvoiceStatus status(String stripeStatus) {
    if (stripeStatus == null) {
      throw ProviderFailures.malformed(StripeFailures.PROVIDER, "status", "missing");
    }
    return switch (stripeStatus) {
      case "draft", "open" -> InvoiceStatus.OPEN;
      case "paid" -> InvoiceStatus.PAID;
      case "void" -> InvoiceStatus.VOID;
      case "uncollectible" -> InvoiceStatus.UNCOLLECTIBLE;
      default ->
          throw ProviderFailures.malformed(
              StripeFailures.PROVIDER, "status", "not an invoice status we know: " + stripeStatus);
    };
  }

  static String subscriptionId(Invoice invoice) {
    Invoice.Parent parent = invoice.getParent();
    if (parent == null || parent.getSubscriptionDetails() == null) {
      return null;
    }
    return parent.getSubscriptionDetails().getSubscription();
  }

  private static Customer customer(Invoice invoice, com.stripe.model.Customer customer) {
    if (customer == null || Boolean.TRUE.equals(customer.getDeleted())) {
      return new Customer(
          invoice.getCustomer(),
          invoice.getCustomerName(),
          invoice.getCustomerEmail(),
          invoice.getCustomerPhone(),
          null);
    }
    Map<String, String> metadata = customer.getMetadata();
    return new Customer(
        customer.getId(),
        firstNonNull(customer.getName(), invoice.getCustomerName()),
        firstNonNull(customer.getEmail(), invoice.getCustomerEmail()),
        firstNonNull(customer.getPhone(), invoice.getCustomerPhone()),
        metadata == null ? null : metadata.get(TIME_ZONE));
  }

  private static Price firstPrice(Subscription subscription) {
    if (subscription == null || subscription.getItems() == null) {
      return null;
    }
    List<SubscriptionItem> items = subscription.getItems().getData();
    return items == null || items.isEmpty() ? null : items.get(0).getPrice();
  }

  private static InvoiceLineItem firstLine(Invoice invoice) {
    if (invoice.getLines() == null || invoice.getLines().getData() == null) {
      return null;
    }
    List<InvoiceLineItem> lines = invoice.getLines().getData();
    return lines.isEmpty() ? null : lines.get(0);
  }

  private static String firstLinePriceId(Invoice invoice) {
    InvoiceLineItem line = firstLine(invoice);
    if (line == null || line.getPricing() == null || line.getPricing().getPriceDetails() == null) {
      return null;
    }
    return line.getPricing().getPriceDetails().getPrice();
  }

  private static String packageName(Price price, Invoice invoice) {
    if (price != null && price.getProductObject() != null) {
      return price.getProductObject().getName();
    }
    InvoiceLineItem line = firstLine(invoice);
    return line == null ? null : line.getDescription();
  }

  private static String paymentMethodId(PaymentIntent paymentIntent, StripeError lastError) {
    if (paymentIntent != null && paymentIntent.getPaymentMethod() != null) {
      return paymentIntent.getPaymentMethod();
    }
    if (lastError != null && lastError.getPaymentMethod() != null) {
      return lastError.getPaymentMethod().getId();
    }
    return null;
  }

  /**
   * Customer first, the subscription's keys win; the notices' {@code locale} is the first of the
   * customer's {@code preferred_locales} that they are written in.
   */
  private static Map<String, String> metadata(
      com.stripe.model.Customer customer, Subscription subscription) {
    Map<String, String> merged = new HashMap<>();
    if (customer != null && customer.getMetadata() != null) {
      merged.putAll(customer.getMetadata());
    }
    if (subscription != null && subscription.getMetadata() != null) {
      merged.putAll(subscription.getMetadata());
    }
    preferredLocale(customer).ifPresent(tag -> merged.put(IntakeDetails.LOCALE, tag));
    merged.values().removeIf(v -> v == null);
    return Map.copyOf(merged);
  }

  private static Optional<String> preferredLocale(com.stripe.model.Customer customer) {
    if (customer == null || customer.getPreferredLocales() == null) {
      return Optional.empty();
    }
    return customer.getPreferredLocales().stream()
        .filter(tag -> tag != null && NoticeLanguage.ofTag(tag).isPresent())
        .findFirst();
  }

  private static long orZero(Long value) {
    return value == null ? 0L : value;
  }

  private static String firstNonNull(String first, String second) {
    return first != null ? first : second;
  }
}
