package com.example.dunning.activities.packages;

import static com.example.dunning.activities.DunningFixtures.DUNNING_ID;
import static com.example.dunning.activities.DunningFixtures.open;
import static com.example.dunning.activities.DunningFixtures.payment;
import static com.example.dunning.activities.DunningFixtures.policies;
import static com.example.dunning.activities.DunningFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.record.DunningRecords;
import com.example.dunning.activities.record.DunningTables;
import com.example.dunning.workflows.activities.PackageActivities.PackageChange;
import com.example.dunning.workflows.model.PaymentDetails;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CustomerPackagesTest {

  private JdbcTemplate jdbc;
  private CountingCancellation stripe;
  private CustomerPackages packages;

  @BeforeEach
  void setUp() {
    TestPostgres.truncateAll();
    DataSource dataSource = TestPostgres.dataSource();
    jdbc = new JdbcTemplate(dataSource);
    stripe = new CountingCancellation("stripe");
    packages = new CustomerPackages(jdbc, transaction(dataSource), List.of(stripe));
    new DunningRecords(new DunningTables(jdbc), policies(true), transaction(dataSource))
        .openDunning(open(payment()));
  }

  @Test
  void givenAnOpenDunning_whenExpirePackage_itShouldWriteTheExpiryTheDateAndALogLine() {
    packages.expirePackage(new PackageChange(DUNNING_ID, payment(), false));

    Map<String, Object> expiry =
        jdbc.queryForMap("SELECT * FROM package_expiry WHERE dunning_id = ?", DUNNING_ID);
    assertThat(expiry)
        .containsEntry("provider", "stripe")
        .containsEntry("customer_id", "cus_1")
        .containsEntry("subscription_id", "sub_1")
        .containsEntry("package_name", "Pro Package")
        .containsEntry("subscription_cancelled", false);
    assertThat(expiry.get("restored_at")).isNull();
    assertThat(expiryDate()).isEqualTo(expiry.get("expired_at"));
    assertThat(titles()).containsExactly("PAYMENT FAILED", "PACKAGE EXPIRED");
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM failed_invoice WHERE dunning_id = ?", String.class, DUNNING_ID))
        .isEqualTo("EXPIRED");
    assertThat(stripe.keys).isEmpty();
  }

  @Test
  void givenARetriedActivity_whenExpirePackageTwice_itShouldKeepOneExpiryAndOneLogLine() {
    packages.expirePackage(new PackageChange(DUNNING_ID, payment(), false));
    Timestamp firstExpiry = expiryDate();

    packages.expirePackage(new PackageChange(DUNNING_ID, payment(), false));

    assertThat(jdbc.queryForObject("SELECT count(*) FROM package_expiry", Integer.class))
        .isEqualTo(1);
    assertThat(titles()).containsExactly("PAYMENT FAILED", "PACKAGE EXPIRED");
    assertThat(expiryDate()).isEqualTo(firstExpiry);
  }

  @Test
  void
      givenCancelSubscription_whenExpirePackageTwice_itShouldAskTheProviderWithOneStableIdempotencyKey() {
    packages.expirePackage(new PackageChange(DUNNING_ID, payment(), true));
    packages.expirePackage(new PackageChange(DUNNING_ID, payment(), true));

    assertThat(stripe.subscriptions).containsOnly("sub_1");
    assertThat(stripe.keys)
        .containsExactly(DUNNING_ID + ":cancel-subscription", DUNNING_ID + ":cancel-subscription");
    assertThat(
            jdbc.queryForObject("SELECT subscription_cancelled FROM package_expiry", Boolean.class))
        .isTrue();
    assertThat(
            jdbc.queryForObject(
                "SELECT note FROM dunning_log WHERE title = 'PACKAGE EXPIRED'", String.class))
        .contains("subscription cancelled");
  }

  @Test
  void
      givenAProviderWithoutCancellation_whenExpirePackageWithCancelSubscription_itShouldExpireItAndSayTheSubscriptionStays() {
    PaymentDetails paddle = payment("paddle", "price_basic", Map.of());

    packages.expirePackage(new PackageChange(DUNNING_ID, paddle, true));

    assertThat(
            jdbc.queryForObject("SELECT subscription_cancelled FROM package_expiry", Boolean.class))
        .isFalse();
    assertThat(expiryDate()).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT note FROM dunning_log WHERE title = 'PACKAGE EXPIRED'", String.class))
        .contains("subscription not cancelled: no way to cancel at paddle");
    assertThat(stripe.keys).isEmpty();
  }

  @Test
  void
      givenACancellationTheProviderRefuses_whenExpirePackage_itShouldExpireItAndSayWhyTheSubscriptionStays() {
    SubscriptionCancellation refusing =
        new SubscriptionCancellation() {
          @Override
          public boolean handles(String provider) {
            return "stripe".equals(provider);
          }

          @Override
          public void cancel(String subscriptionId, String idempotencyKey) {
            throw SubscriptionCancellation.refused("stripe", subscriptionId, "not allowed", null);
          }
        };
    DataSource dataSource = TestPostgres.dataSource();
    new CustomerPackages(jdbc, transaction(dataSource), List.of(refusing))
        .expirePackage(new PackageChange(DUNNING_ID, payment(), true));

    assertThat(
            jdbc.queryForObject("SELECT subscription_cancelled FROM package_expiry", Boolean.class))
        .isFalse();
    assertThat(expiryDate()).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT note FROM dunning_log WHERE title = 'PACKAGE EXPIRED'", String.class))
        .contains("subscription not cancelled: stripe refused to cancel")
        .contains("not allowed");
  }

  @Test
  void givenAnExpiredPackage_whenRestorePackageTwice_itShouldRestoreItOnceAndClearTheExpiryDate() {
    packages.expirePackage(new PackageChange(DUNNING_ID, payment(), false));

    packages.restorePackage(new PackageChange(DUNNING_ID, payment(), false));
    Timestamp restoredAt =
        jdbc.queryForObject(
            "SELECT restored_at FROM package_expiry WHERE dunning_id = ?",
            Timestamp.class,
            DUNNING_ID);
    packages.restorePackage(new PackageChange(DUNNING_ID, payment(), false));

    assertThat(restoredAt).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "SELECT restored_at FROM package_expiry WHERE dunning_id = ?",
                Timestamp.class,
                DUNNING_ID))
        .isEqualTo(restoredAt);
    assertThat(expiryDate()).isNull();
    assertThat(titles()).containsExactly("PAYMENT FAILED", "PACKAGE EXPIRED", "PACKAGE RESTORED");
  }

  @Test
  void givenAPackageNeverExpired_whenRestorePackage_itShouldChangeNothing() {
    packages.restorePackage(new PackageChange(DUNNING_ID, payment(), false));

    assertThat(titles()).containsExactly("PAYMENT FAILED");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM package_expiry", Integer.class)).isZero();
  }

  private Timestamp expiryDate() {
    return jdbc.queryForObject(
        "SELECT package_expiry_date FROM failed_invoice WHERE dunning_id = ?",
        Timestamp.class,
        DUNNING_ID);
  }

  private List<String> titles() {
    return jdbc.queryForList(
        "SELECT title FROM dunning_log WHERE dunning_id = ? ORDER BY id", String.class, DUNNING_ID);
  }

  /** Stands for the provider: remembers what it was asked to cancel, and with which key. */
  private static final class CountingCancellation implements SubscriptionCancellation {

    private final String provider;
    private final List<String> subscriptions = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();

    CountingCancellation(String provider) {
      this.provider = provider;
    }

    @Override
    public boolean handles(String name) {
      return provider.equals(name);
    }

    @Override
    public void cancel(String subscriptionId, String idempotencyKey) {
      subscriptions.add(subscriptionId);
      keys.add(idempotencyKey);
    }
  }
}
