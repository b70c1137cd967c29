package com.example.dunning.activities.packages;

import static com.example.dunning.activities.DunningFixtures.FAILED_AT;
import static com.example.dunning.activities.DunningFixtures.policies;
import static com.example.dunning.activities.DunningFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.activities.events.EventType;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.activities.subscription.SubscriptionPackages;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.PackageActivities.PackageChange;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.PaymentDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several invoices of one subscription in dunning, with {@code dunning.conversation.enabled}: the
 * package expires once, and comes back once every invoice of the subscription is paid.
 */
class SubscriptionPackagesTest {

  private static final String FIRST = "dunning-stripe-in_1";
  private static final String SECOND = "dunning-stripe-in_2";

  private DataSource dataSource;
  private JdbcTemplate jdbc;
  private EventOutbox outbox;
  private CountingCancellation stripe;
  private CustomerPackages packages;
  private DunningRecords records;

  @BeforeEach
  void setUp() {
    TestPostgres.truncateAll();
    dataSource = TestPostgres.dataSource();
    jdbc = new JdbcTemplate(dataSource);
    outbox = new EventOutbox(jdbc, DunningFixtures.oneEventEndpoint());
    stripe = new CountingCancellation();
    SubscriptionPackages subscriptions = new SubscriptionPackages(jdbc, outbox, true);
    packages =
        new CustomerPackages(jdbc, transaction(dataSource), List.of(stripe), outbox, subscriptions);
    records =
        new DunningRecords(
            new DunningTables(jdbc),
            policies(true),
            transaction(dataSource),
            outbox,
            subscriptions);
  }

  @Test
  void givenTwoDunningsOfOneSubscription_whenBothExpire_itShouldCancelAndTellOnlyOnce() {
    open("in_1", "sub_1");
    open("in_2", "sub_1");

    packages.expirePackage(change("in_1", "sub_1", true));
    packages.expirePackage(change("in_2", "sub_1", true));

    assertThat(stripe.keys).containsExactly(FIRST + ":cancel-subscription");
    assertThat(events(EventType.PACKAGE_EXPIRED)).containsExactly(FIRST);
    assertThat(unrestored()).containsExactly(FIRST, SECOND);
    assertThat(
            jdbc.queryForObject(
                "SELECT subscription_cancelled FROM package_expiry WHERE dunning_id = ?",
                Boolean.class,
                SECOND))
        .isFalse();
    assertThat(status(SECOND)).isEqualTo("EXPIRED");
    assertThat(lines(SECOND)).containsExactly("PAYMENT FAILED FAILED", "PACKAGE EXPIRED SUCCESS");
    assertThat(note(SECOND + ":expired")).contains("already expired by " + FIRST);
  }

  @Test
  void givenTwoExpiriesAtOnce_whenBothRun_itShouldCancelAndTellOnlyOnce() throws Exception {
    open("in_1", "sub_1");
    open("in_2", "sub_1");
    stripe.slow = new CountDownLatch(1);

    CompletableFuture<Void> first =
        CompletableFuture.runAsync(() -> packages.expirePackage(change("in_1", "sub_1", true)));
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(() -> packages.expirePackage(change("in_2", "sub_1", true)));
    Thread.sleep(500); // both under way: one cancelling, the other waiting or cancelling too
    stripe.slow.countDown();
    CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);

    assertThat(stripe.keys).hasSize(1);
    assertThat(events(EventType.PACKAGE_EXPIRED)).hasSize(1);
    assertThat(unrestored()).containsExactlyInAnyOrder(FIRST, SECOND);
  }

  @Test
  void
      givenTheFirstPaidAfterExpiry_whenTheSecondIsStillOwed_itShouldHoldThePackageUntilBothArePaid() {
    open("in_1", "sub_1");
    open("in_2", "sub_1");
    packages.expirePackage(change("in_1", "sub_1", false));
    packages.expirePackage(change("in_2", "sub_1", false));

    packages.restorePackage(change("in_1", "sub_1", false));
    close(FIRST, DunningStatus.RECOVERED);

    assertThat(unrestored()).containsExactly(FIRST, SECOND);
    assertThat(events(EventType.PACKAGE_RESTORED)).isEmpty();
    assertThat(lines(FIRST))
        .containsExactly(
            "PAYMENT FAILED FAILED", "PACKAGE EXPIRED SUCCESS", "PACKAGE RESTORED SKIPPED");
    assertThat(note(FIRST + ":restore-skipped"))
        .contains("in_2 (" + SECOND + ", EXPIRED)")
        .contains("restored once every invoice of the subscription is paid");

    packages.restorePackage(change("in_2", "sub_1", false));

    assertThat(unrestored()).isEmpty();
    assertThat(events(EventType.PACKAGE_RESTORED)).containsExactly(SECOND);
    assertThat(lines(FIRST)).endsWith("PACKAGE RESTORED SKIPPED", "PACKAGE RESTORED SUCCESS");
    assertThat(lines(SECOND)).endsWith("PACKAGE EXPIRED SUCCESS", "PACKAGE RESTORED SUCCESS");
    assertThat(note(FIRST + ":restored")).contains("the last in " + SECOND);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM failed_invoice WHERE package_expiry_date IS NOT NULL",
                Integer.class))
        .isZero();
  }

  @Test
  void givenTheSecondPaidBeforeItsOwnExpiry_whenItClosesRecovered_itShouldRestoreTheHeldPackage() {
    open("in_1", "sub_1");
    open("in_2", "sub_1");
    packages.expirePackage(change("in_1", "sub_1", false));
    packages.restorePackage(change("in_1", "sub_1", false));
    close(FIRST, DunningStatus.RECOVERED);
    assertThat(unrestored()).containsExactly(FIRST);

    close(SECOND, DunningStatus.RECOVERED);
    close(SECOND, DunningStatus.RECOVERED);

    assertThat(unrestored()).isEmpty();
    assertThat(events(EventType.PACKAGE_RESTORED)).containsExactly(SECOND);
    assertThat(lines(FIRST))
        .containsExactly(
            "PAYMENT FAILED FAILED",
            "PACKAGE EXPIRED SUCCESS",
            "PACKAGE RESTORED SKIPPED",
            "PACKAGE RESTORED SUCCESS");
    assertThat(note(FIRST + ":restored")).contains("the last in " + SECOND);
  }

  @Test
  void givenTheLastUnpaidSiblingCancelled_whenItCloses_itShouldRestoreTheHeldPackage() {
    open("in_1", "sub_1");
    open("in_2", "sub_1");
    packages.expirePackage(change("in_1", "sub_1", false));
    packages.restorePackage(change("in_1", "sub_1", false));
    close(FIRST, DunningStatus.RECOVERED);
    assertThat(unrestored()).containsExactly(FIRST);

    close(SECOND, DunningStatus.CANCELLED);

    assertThat(unrestored()).isEmpty();
    assertThat(events(EventType.PACKAGE_RESTORED)).containsExactly(SECOND);
  }

  @Test
  void givenACancelledSibling_whenTheFirstIsPaidAfterExpiry_itShouldRestoreIt() {
    open("in_1", "sub_1");
    open("in_2", "sub_1");
    packages.expirePackage(change("in_1", "sub_1", false));
    close(SECOND, DunningStatus.CANCELLED);

    packages.restorePackage(change("in_1", "sub_1", false));

    assertThat(unrestored()).isEmpty();
    assertThat(events(EventType.PACKAGE_RESTORED)).containsExactly(FIRST);
  }

  @Test
  void
      givenAnotherSubscriptionAndNoSubscription_whenAllExpireAndOneIsPaid_itShouldTreatEachAlone() {
    open("in_1", "sub_1");
    open("in_3", "sub_2");
    open("in_4", null);

    packages.expirePackage(change("in_1", "sub_1", true));
    packages.expirePackage(change("in_3", "sub_2", true));
    packages.expirePackage(change("in_4", null, true));
    packages.restorePackage(change("in_1", "sub_1", false));
    packages.restorePackage(change("in_4", null, false));

    assertThat(stripe.keys)
        .containsExactly(FIRST + ":cancel-subscription", "dunning-stripe-in_3:cancel-subscription");
    assertThat(events(EventType.PACKAGE_EXPIRED))
        .containsExactlyInAnyOrder(FIRST, "dunning-stripe-in_3", "dunning-stripe-in_4");
    assertThat(events(EventType.PACKAGE_RESTORED))
        .containsExactlyInAnyOrder(FIRST, "dunning-stripe-in_4");
    assertThat(unrestored()).containsExactly("dunning-stripe-in_3");
  }

  @Test
  void givenTheSwitchOff_whenTheSecondExpiresAndTheFirstIsPaid_itShouldExpireAndRestoreEachAlone() {
    CustomerPackages off =
        new CustomerPackages(
            jdbc,
            transaction(dataSource),
            List.of(stripe),
            outbox,
            new SubscriptionPackages(jdbc, outbox, false));
    open("in_1", "sub_1");
    open("in_2", "sub_1");

    off.expirePackage(change("in_1", "sub_1", true));
    off.expirePackage(change("in_2", "sub_1", true));
    off.restorePackage(change("in_1", "sub_1", false));

    assertThat(stripe.keys)
        .containsExactly(FIRST + ":cancel-subscription", SECOND + ":cancel-subscription");
    assertThat(events(EventType.PACKAGE_EXPIRED)).containsExactlyInAnyOrder(FIRST, SECOND);
    assertThat(events(EventType.PACKAGE_RESTORED)).containsExactly(FIRST);
    assertThat(unrestored()).containsExactly(SECOND);
  }

  @Test
  void givenEveryActivityRunTwice_whenBothInvoicesArePaidAfterExpiry_itShouldWriteNothingTwice() {
    open("in_1", "sub_1");
    open("in_2", "sub_1");

    twice(() -> packages.expirePackage(change("in_1", "sub_1", true)));
    twice(() -> packages.expirePackage(change("in_2", "sub_1", true)));
    twice(() -> packages.restorePackage(change("in_1", "sub_1", false)));
    twice(() -> close(FIRST, DunningStatus.RECOVERED));
    twice(() -> packages.restorePackage(change("in_2", "sub_1", false)));
    twice(() -> close(SECOND, DunningStatus.RECOVERED));

    // The first's cancellation is asked again by its retry, under the same key, as without the
    // switch; the second never asks.
    assertThat(stripe.keys)
        .containsExactly(FIRST + ":cancel-subscription", FIRST + ":cancel-subscription");
    assertThat(events(EventType.PACKAGE_EXPIRED)).containsExactly(FIRST);
    assertThat(events(EventType.PACKAGE_RESTORED)).containsExactly(SECOND);
    assertThat(lines(FIRST))
        .containsExactly(
            "PAYMENT FAILED FAILED",
            "PACKAGE EXPIRED SUCCESS",
            "PACKAGE RESTORED SKIPPED",
            "PACKAGE RESTORED SUCCESS");
    assertThat(lines(SECOND))
        .containsExactly(
            "PAYMENT FAILED FAILED", "PACKAGE EXPIRED SUCCESS", "PACKAGE RESTORED SUCCESS");
    assertThat(unrestored()).isEmpty();
  }

  private static void twice(Runnable activity) {
    activity.run();
    activity.run();
  }

  private void open(String invoiceId, String subscriptionId) {
    PaymentDetails payment = payment(invoiceId, subscriptionId);
    records.openDunning(
        new OpenDunning(
            dunningId(invoiceId),
            new DunningRequest(
                "stripe",
                invoiceId,
                "cus_1",
                "ada@example.com",
                payment.amountDue(),
                payment.currency(),
                1,
                FAILED_AT),
            payment));
  }

  private void close(String dunningId, DunningStatus outcome) {
    records.closeDunning(
        new CloseDunning(
            dunningId, new DunningResult(outcome, "paid at the provider", Instant.now(), 2), null));
  }

  private static PackageChange change(String invoiceId, String subscriptionId, boolean cancel) {
    return new PackageChange(dunningId(invoiceId), payment(invoiceId, subscriptionId), cancel);
  }

  private static String dunningId(String invoiceId) {
    return "dunning-stripe-" + invoiceId;
  }

  /** The fixture's Stripe payment, for another invoice and subscription. */
  private static PaymentDetails payment(String invoiceId, String subscriptionId) {
    PaymentDetails p = DunningFixtures.payment();
    return new PaymentDetails(
        p.provider(),
        invoiceId,
        p.status(),
        p.amountDue(),
        p.currency(),
        p.attemptCount(),
        p.nextPaymentAttempt(),
        p.payUrl(),
        p.customer(),
        subscriptionId,
        p.planId(),
        p.packageName(),
        p.paymentIntentId(),
        p.paymentMethodId(),
        p.failureCode(),
        p.declineCode(),
        p.requiresAuthentication(),
        p.metadata());
  }

  /** The dunnings the events of this type were written for. */
  private List<String> events(EventType type) {
    return jdbc.queryForList(
        "SELECT dunning_id FROM dunning_event WHERE type = ? ORDER BY created_at, dunning_id",
        String.class,
        type.wireName());
  }

  private List<String> unrestored() {
    return jdbc.queryForList(
        "SELECT dunning_id FROM package_expiry WHERE restored_at IS NULL ORDER BY dunning_id",
        String.class);
  }

  private String status(String dunningId) {
    return jdbc.queryForObject(
        "SELECT status FROM failed_invoice WHERE dunning_id = ?", String.class, dunningId);
  }

  private List<String> lines(String dunningId) {
    return jdbc.queryForList(
        "SELECT title || ' ' || status FROM dunning_log WHERE dunning_id = ? ORDER BY id",
        String.class,
        dunningId);
  }

  private String note(String recordKey) {
    return jdbc.queryForObject(
        "SELECT note FROM dunning_log WHERE record_key = ?", String.class, recordKey);
  }

  /** Stands for Stripe: remembers each cancellation's key, and can be held back while asked. */
  private static final class CountingCancellation implements SubscriptionCancellation {

    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private volatile CountDownLatch slow;

    @Override
    public boolean handles(String provider) {
      return "stripe".equals(provider);
    }

    @Override
    public void cancel(String subscriptionId, String idempotencyKey) {
      keys.add(idempotencyKey);
      try {
        if (slow != null && !slow.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never let the cancellation go");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
