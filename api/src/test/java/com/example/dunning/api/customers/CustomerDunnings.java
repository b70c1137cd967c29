package com.example.dunning.api.customers;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.conversation.CustomerActions;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.activities.PaymentActivities;
import com.example.dunning.workflows.model.ChargeResult;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.InvoiceStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import io.temporal.client.WorkflowClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real dunning and the real customer's coordinator on Temporal's test server, with the worker's
 * own record and customer-action activities on the tests' PostgreSQL, as a worker with {@code
 * dunning.conversation.enabled=true} runs them. The stand-in provider bills invoice {@code
 * <customer>-<n>} to customer {@code cus_<customer>}, declines every retried charge and counts the
 * charges of each invoice.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CustomerDunnings {

  public static final String WORKER_1 = "spring.temporal.workers[0].task-queue=dunning";

  public static final String WORKER_2 =
      "spring.temporal.workers[0].workflow-classes[0]="
          + "com.example.dunning.workflows.dunning.DunningWorkflowImpl";

  public static final String WORKER_3 =
      "spring.temporal.workers[0].workflow-classes[1]="
          + "com.example.dunning.workflows.conversation.CustomerConversationWorkflowImpl";

  public static final String WORKER_4 =
      "spring.temporal.workers[0].activity-beans="
          + "customerDunningRecords,customerProvider,customerNotifications,customerPackages,"
          + "customerActions";

  /** Charges retried per invoice id. */
  public static final Map<String, AtomicInteger> CHARGES = new ConcurrentHashMap<>();

  /** The customer the stand-in provider bills an invoice to. */
  public static String customerOf(String invoiceId) {
    return "cus_" + invoiceId.substring(0, invoiceId.indexOf('-'));
  }

  public static int charges(String invoiceId) {
    return CHARGES.getOrDefault(invoiceId, new AtomicInteger()).get();
  }

  @Bean
  DunningRecords customerDunningRecords() {
    return new DunningRecords(
        new DunningTables(new JdbcTemplate(TestPostgres.dataSource())),
        DunningFixtures.policies(false),
        DunningFixtures.transaction(TestPostgres.dataSource()));
  }

  @Bean
  CustomerActions customerActions(WorkflowClient client) {
    return new CustomerActions(TestPostgres.dataSource(), client);
  }

  @Bean
  PaymentActivities customerProvider() {
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
            new Customer(
                customerOf(ref.invoiceId()), "Ada Lovelace", "ada@example.com", null, null),
            "sub_" + ref.invoiceId(),
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
        CHARGES
            .computeIfAbsent(request.invoiceId(), invoice -> new AtomicInteger())
            .incrementAndGet();
        return new ChargeResult(
            false, "card_declined", "insufficient_funds", false, false, "declined");
      }
    };
  }

  @Bean
  NotificationActivities customerNotifications() {
    return new NotificationActivities() {
      @Override
      public Delivery sendEmail(Notice notice) {
        return new Delivery(true, notice.payment().customer().email(), null);
      }

      @Override
      public Delivery sendSms(Notice notice) {
        return new Delivery(false, null, "no SMS in these tests");
      }
    };
  }

  @Bean
  PackageActivities customerPackages() {
    return new PackageActivities() {
      @Override
      public void expirePackage(PackageChange change) {}

      @Override
      public void restorePackage(PackageChange change) {}
    };
  }
}
