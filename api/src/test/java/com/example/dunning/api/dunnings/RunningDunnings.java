package com.example.dunning.api.dunnings;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real {@code DunningWorkflowImpl} on Temporal's test server, with the worker's own record
 * activities on the tests' PostgreSQL (through their own connections, as the worker has its own
 * pool), and stand-ins for the provider, the customer's messages and the package, which the API
 * tests do not look at. The policy: a notice at once, a retry after 3 days, expiry after 7 more.
 *
 * <p>The stand-in provider knows every invoice, open, owing 1999 usd; a retried charge pays when
 * the invoice id starts with {@code pays-}, else it is declined.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RunningDunnings {

  /** Register the workflow and these activities on task queue dunning. */
  public static final String WORKER_1 = "spring.temporal.workers[0].task-queue=dunning";

  public static final String WORKER_2 =
      "spring.temporal.workers[0].workflow-classes[0]="
          + "com.example.dunning.workflows.dunning.DunningWorkflowImpl";

  public static final String WORKER_3 =
      "spring.temporal.workers[0].activity-beans="
          + "testRecords,testProvider,testNotifications,testPackages";

  public static final String PAYING = "pays-";

  @Bean
  DunningRecords testRecords() {
    return new DunningRecords(
        new DunningTables(new JdbcTemplate(TestPostgres.dataSource())),
        DunningFixtures.policies(false),
        DunningFixtures.transaction(TestPostgres.dataSource()));
  }

  @Bean
  PaymentActivities testProvider() {
    return new PaymentActivities() {
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
            "https://pay.example.com/" + ref.invoiceId(),
            new Customer("cus_" + ref.invoiceId(), "Ada Lovelace", "ada@example.com", null, null),
            "sub_1",
            "price_basic",
            "Pro Package",
            "pi_" + ref.invoiceId(),
            "pm_1",
            "card_declined",
            "insufficient_funds",
            false,
            Map.of());
      }

      @Override
      public ChargeResult retryCharge(ChargeRequest request) {
        boolean paid = request.invoiceId().startsWith(PAYING);
        return paid
            ? new ChargeResult(true, null, null, false, false, null)
            : new ChargeResult(
                false, "card_declined", "insufficient_funds", false, false, "declined");
      }
    };
  }

  @Bean
  NotificationActivities testNotifications() {
    return new NotificationActivities() {
      @Override
      public Delivery sendEmail(Notice notice) {
        return new Delivery(true, notice.payment().customer().email(), null);
      }

      @Override
      public Delivery sendSms(Notice notice) {
        return new Delivery(false, null, "no SMS in the API tests");
      }
    };
  }

  @Bean
  PackageActivities testPackages() {
    return new PackageActivities() {
      @Override
      public void expirePackage(PackageChange change) {}

      @Override
      public void restorePackage(PackageChange change) {}
    };
  }
}
