package com.example.dunning.bench;

import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import java.util.List;
import java.util.Map;

/**
 * Every activity of a dunning answering as for a customer who never pays: open invoice, declined
 * charges, notices delivered. Only the shape of the history matters when counting its cost.
 */
final class StandInActivities
    implements PaymentActivities,
        NotificationActivities,
        PackageActivities,
        DunningRecordActivities {

  private final DunningSettings settings;

  StandInActivities(DunningSettings settings) {
    this.settings = settings;
  }

  @Override
  public PaymentDetails fetchPayment(PaymentRef ref) {
    return new PaymentDetails(
        ref.provider(),
        ref.invoiceId(),
        InvoiceStatus.OPEN,
        1999,
        "usd",
        1,
        null,
        "https://invoice.stripe.com/i/bench",
        new Customer("cus_bench", "Jenny Rosen", "jenny@example.com", "+15555550123", null),
        "sub_bench",
        "price_bench",
        "Artist Pro",
        "pi_bench",
        "pm_bench",
        "card_declined",
        "insufficient_funds",
        false,
        Map.of());
  }

  @Override
  public ChargeResult retryCharge(ChargeRequest request) {
    return new ChargeResult(
        false, "card_declined", "insufficient_funds", false, false, "Insufficient funds.");
  }

  @Override
  public Delivery sendEmail(Notice notice) {
    return new Delivery(true, "jenny@example.com", null);
  }

  @Override
  public Delivery sendSms(Notice notice) {
    return new Delivery(true, "+15555550123", null);
  }

  @Override
  public void expirePackage(PackageChange change) {}

  @Override
  public void restorePackage(PackageChange change) {}

  @Override
  public DunningSettings openDunning(OpenDunning open) {
    return settings;
  }

  @Override
  public void recordEvent(DunningEvent event) {}

  @Override
  public void recordEvents(List<DunningEvent> events) {}

  @Override
  public void closeDunning(CloseDunning close) {}
}
