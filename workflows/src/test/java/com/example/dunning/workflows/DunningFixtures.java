package com.example.dunning.workflows;

import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningPolicy;
import com.example.dunning.workflows.policy.DunningSettings;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.QuietHours;
import com.example.dunning.workflows.policy.StepAction;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** A small policy and invoice that the workflow tests share. */
public final class DunningFixtures {

  public static final String INVOICE = "in_1Pgc6tB7WZ01zgkWu9fdqL6I";
  public static final String DUNNING_ID = DunningIds.workflowId("stripe", INVOICE);

  /** Notice at once, retries on day 3 and day 8, expiry on day 10; 30 days to pay late. */
  public static final DunningPolicy POLICY =
      new DunningPolicy(
          "test-v1",
          List.of(
              new DunningStep(
                  "notice",
                  Duration.ZERO,
                  EnumSet.of(StepAction.EMAIL, StepAction.SMS),
                  NoticeKind.NOTICE),
              new DunningStep(
                  "retry-1",
                  Duration.ofDays(3),
                  EnumSet.of(StepAction.RETRY_CHARGE, StepAction.EMAIL),
                  NoticeKind.REMINDER),
              new DunningStep(
                  "final-warning",
                  Duration.ofDays(5),
                  EnumSet.of(StepAction.RETRY_CHARGE, StepAction.EMAIL, StepAction.SMS),
                  NoticeKind.FINAL_WARNING),
              new DunningStep(
                  "expire",
                  Duration.ofDays(2),
                  EnumSet.of(StepAction.EXPIRE_PACKAGE, StepAction.EMAIL),
                  NoticeKind.EXPIRED)),
          Duration.ofDays(30));

  public static final DunningSettings WORKFLOW_RETRIES =
      new DunningSettings(POLICY, false, null, false);
  public static final DunningSettings PROVIDER_RETRIES =
      new DunningSettings(POLICY, true, null, false);

  public static DunningSettings withQuietHours(QuietHours quietHours) {
    return new DunningSettings(POLICY, false, quietHours, false);
  }

  /** Workflow retries, asking the customer's coordinator before each notice. */
  public static final DunningSettings CONVERSING = new DunningSettings(POLICY, false, null, true);

  private DunningFixtures() {}

  public static DunningRequest request() {
    return new DunningRequest(
        "stripe",
        INVOICE,
        "cus_QXg1o8vcGmoR32",
        "jenny@example.com",
        1000,
        "usd",
        1,
        Instant.parse("2026-01-11T19:31:57Z"));
  }

  public static PaymentDetails payment(InvoiceStatus status) {
    return payment(status, null);
  }

  public static PaymentDetails payment(InvoiceStatus status, String timeZone) {
    return new PaymentDetails(
        "stripe",
        INVOICE,
        status,
        1000,
        "usd",
        1,
        null,
        "https://invoice.stripe.com/i/test",
        new Customer(
            "cus_QXg1o8vcGmoR32", "Jenny Rosen", "jenny@example.com", "+4746567468", timeZone),
        "sub_1",
        "price_1",
        "Artist Pro",
        "pi_1",
        "pm_1",
        "card_declined",
        "insufficient_funds",
        false,
        Map.of());
  }
}
