package com.example.dunning.activities;

import com.example.dunning.activities.events.EventEndpoint;
import com.example.dunning.activities.events.EventEndpoints;
import com.example.dunning.activities.policy.DunningPolicies;
import com.example.dunning.activities.policy.DunningPolicyProperties;
import com.example.dunning.activities.policy.DunningPolicyProperties.PlanPolicy;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.StepAction;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inputs shared by the activity tests: a payment as Stripe reports it, and a policy built in code.
 */
public final class DunningFixtures {

  public static final String DUNNING_ID = "dunning-stripe-in_1";
  public static final Instant FAILED_AT = Instant.parse("2025-03-01T10:15:30Z");
  public static final String PREMIUM_PLAN = "price_premium";

  private DunningFixtures() {}

  public static TransactionTemplate transaction(DataSource dataSource) {
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  public static DunningStep step(String name, Duration delay, StepAction... actions) {
    return new DunningStep(name, delay, Set.of(actions), NoticeKind.NOTICE);
  }

  public static List<DunningStep> defaultSteps() {
    return List.of(
        step("notice", Duration.ZERO, StepAction.EMAIL),
        step("retry", Duration.ofDays(3), StepAction.RETRY_CHARGE, StepAction.EMAIL),
        step("expire", Duration.ofDays(7), StepAction.EXPIRE_PACKAGE));
  }

  public static List<DunningStep> premiumSteps() {
    return List.of(
        step("notice", Duration.ZERO, StepAction.EMAIL, StepAction.SMS),
        step(
            "expire",
            Duration.ofDays(14),
            StepAction.EXPIRE_PACKAGE,
            StepAction.CANCEL_SUBSCRIPTION));
  }

  public static DunningPolicyProperties properties() {
    return new DunningPolicyProperties(
        "default-v1",
        defaultSteps(),
        null,
        Map.of(PREMIUM_PLAN, new PlanPolicy("premium-v2", premiumSteps(), null)),
        null,
        null);
  }

  public static DunningPolicies policies(boolean stripeSmartRetries) {
    return new DunningPolicies(properties(), stripeSmartRetries);
  }

  /** One event endpoint that wants every outbound event. */
  public static EventEndpoints oneEventEndpoint() {
    return EventEndpoints.of(
        new EventEndpoint(
            URI.create("https://receiver.example.com/events"),
            List.of("0123456789abcdef0123456789abcdef"),
            Set.of()));
  }

  public static PaymentDetails payment(
      String provider, String planId, Map<String, String> metadata) {
    return new PaymentDetails(
        provider,
        "in_1",
        InvoiceStatus.OPEN,
        1999,
        "usd",
        2,
        null,
        "https://pay.example.com/in_1",
        new Customer("cus_1", "Ada Lovelace", "ada@example.com", "+4712345678", "Europe/Oslo"),
        "sub_1",
        planId,
        "Pro Package",
        "pi_1",
        "pm_1",
        "card_declined",
        "insufficient_funds",
        false,
        metadata);
  }

  public static PaymentDetails payment() {
    return payment(
        "stripe",
        "price_basic",
        Map.of(
            "user_id", "42",
            "package_id", " 7 ",
            "artist_name", "The Artist",
            "profile_url", "https://example.com/artist/42"));
  }

  public static OpenDunning open(PaymentDetails payment) {
    return new OpenDunning(
        DUNNING_ID,
        new DunningRequest(
            payment.provider(),
            payment.invoiceId(),
            "cus_1",
            "ada@example.com",
            payment.amountDue(),
            payment.currency(),
            1,
            FAILED_AT),
        payment);
  }
}
