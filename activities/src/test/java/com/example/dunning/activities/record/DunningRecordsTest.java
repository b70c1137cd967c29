package com.example.dunning.activities.record;

import static com.example.dunning.activities.DunningFixtures.DUNNING_ID;
import static com.example.dunning.activities.DunningFixtures.FAILED_AT;
import static com.example.dunning.activities.DunningFixtures.PREMIUM_PLAN;
import static com.example.dunning.activities.DunningFixtures.open;
import static com.example.dunning.activities.DunningFixtures.payment;
import static com.example.dunning.activities.DunningFixtures.policies;
import static com.example.dunning.activities.DunningFixtures.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.policy.DunningPolicies;
import com.example.dunning.workflows.activities.DunningRecordActivities.CloseDunning;
import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.LogTitle;
import com.example.dunning.workflows.model.PaymentAttempt;
import com.example.dunning.workflows.policy.DunningSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class DunningRecordsTest {

  private static final Instant ENDED_AT = Instant.parse("2025-03-05T08:00:00Z");

  private JdbcTemplate jdbc;
  private DunningRecords records;

  @BeforeEach
  void setUp() {
    TestPostgres.truncateAll();
    DataSource dataSource = TestPostgres.dataSource();
    jdbc = new JdbcTemplate(dataSource);
    records = new DunningRecords(new DunningTables(jdbc), policies(true), transaction(dataSource));
  }

  @Test
  void givenAFailedStripePayment_whenOpenDunning_itShouldWriteTheFailedInvoiceWithTheSeedFields() {
    records.openDunning(open(payment()));

    Map<String, Object> row =
        jdbc.queryForMap("SELECT * FROM failed_invoice WHERE dunning_id = ?", DUNNING_ID);
    assertThat(row)
        .containsEntry("provider", "stripe")
        .containsEntry("invoice_id", "in_1")
        .containsEntry("payment_intent_id", "pi_1")
        .containsEntry("payment_method_id", "pm_1")
        .containsEntry("user_id", 42L)
        .containsEntry("package_id", 7L)
        .containsEntry("artist_name", "The Artist")
        .containsEntry("package_name", "Pro Package")
        .containsEntry("profile_url", "https://example.com/artist/42")
        .containsEntry("pay_url", "https://pay.example.com/in_1")
        .containsEntry("customer_id", "cus_1")
        .containsEntry("customer_email", "ada@example.com")
        .containsEntry("customer_name", "Ada Lovelace")
        .containsEntry("phone_number", "+4712345678")
        .containsEntry("time_zone", "Europe/Oslo")
        .containsEntry("subscription_id", "sub_1")
        .containsEntry("plan_id", "price_basic")
        .containsEntry("amount_due", 1999L)
        .containsEntry("currency", "usd")
        .containsEntry("attempt_count", 2)
        .containsEntry("status", "ACTIVE")
        .containsEntry("policy_version", "default-v1");
    assertThat(((Timestamp) row.get("failed_at")).toInstant()).isEqualTo(FAILED_AT);
    assertThat(row.get("ended_at")).isNull();
  }

  @Test
  void givenMetadataWithoutArtistName_whenOpenDunning_itShouldTakeTheArtistNameFromThePackage() {
    records.openDunning(open(payment("stripe", "price_basic", Map.of("user_id", "not-a-number"))));

    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT artist_name, user_id, package_id FROM failed_invoice WHERE dunning_id = ?",
            DUNNING_ID);
    assertThat(row).containsEntry("artist_name", "Pro Package");
    assertThat(row.get("user_id")).isNull();
    assertThat(row.get("package_id")).isNull();
  }

  @Test
  void givenAFailedPayment_whenOpenDunning_itShouldRecordOneFailedAttemptAndOnePaymentFailedLine() {
    records.openDunning(open(payment()));

    Map<String, Object> attempt =
        jdbc.queryForMap("SELECT * FROM payment_attempt WHERE dunning_id = ?", DUNNING_ID);
    assertThat(attempt)
        .containsEntry("success", false)
        .containsEntry("number", 2)
        .containsEntry("gateway", "stripe")
        .containsEntry("external_payment_id", "pi_1")
        .containsEntry("failure_reason", "card_declined / insufficient_funds")
        .containsEntry("amount", 1999L)
        .containsEntry("currency", "usd");
    assertThat(attempt.get("payment_taken_at")).isNull();
    Map<String, Object> log =
        jdbc.queryForMap("SELECT * FROM dunning_log WHERE dunning_id = ?", DUNNING_ID);
    assertThat(log)
        .containsEntry("title", "PAYMENT FAILED")
        .containsEntry("status", "FAILED")
        .containsEntry("payment_method", "pm_1");
    assertThat(((Timestamp) log.get("logged_at")).toInstant()).isEqualTo(FAILED_AT);
  }

  @Test
  void givenARetriedActivity_whenOpenDunningTwiceWithTheSameInput_itShouldLeaveOneRowInEachTable() {
    records.openDunning(open(payment()));
    records.openDunning(open(payment()));

    assertThat(count("failed_invoice")).isEqualTo(1);
    assertThat(count("payment_attempt")).isEqualTo(1);
    assertThat(count("dunning_log")).isEqualTo(1);
  }

  @Test
  void givenNoOverrideForThePlan_whenOpenDunning_itShouldReturnTheDefaultPolicy() {
    DunningSettings settings = records.openDunning(open(payment()));

    assertThat(settings.policy().version()).isEqualTo("default-v1");
    assertThat(settings.policy().steps())
        .extracting(s -> s.name())
        .containsExactly("notice", "retry", "expire");
  }

  @Test
  void givenAPerPlanOverride_whenOpenDunning_itShouldReturnThePlansPolicyAndRecordItsVersion() {
    DunningSettings settings = records.openDunning(open(payment("stripe", PREMIUM_PLAN, Map.of())));

    assertThat(settings.policy().version()).isEqualTo("premium-v2");
    assertThat(settings.policy().steps())
        .extracting(s -> s.name())
        .containsExactly("notice", "expire");
    assertThat(jdbc.queryForObject("SELECT policy_version FROM failed_invoice", String.class))
        .isEqualTo("premium-v2");
  }

  @Test
  void givenSmartRetriesOn_whenOpenDunningForStripe_itShouldSayTheProviderRetries() {
    assertThat(records.openDunning(open(payment())).providerRetries()).isTrue();
  }

  @Test
  void givenSmartRetriesOn_whenOpenDunningForAnotherProvider_itShouldSayTheProviderDoesNotRetry() {
    assertThat(
            records.openDunning(open(payment("paddle", "price_basic", Map.of()))).providerRetries())
        .isFalse();
  }

  @Test
  void givenSmartRetriesOff_whenOpenDunningForStripe_itShouldSayTheProviderDoesNotRetry() {
    DataSource dataSource = TestPostgres.dataSource();
    DunningRecords withoutSmartRetries =
        new DunningRecords(new DunningTables(jdbc), policies(false), transaction(dataSource));

    assertThat(withoutSmartRetries.openDunning(open(payment())).providerRetries()).isFalse();
  }

  @Test
  void givenTheConversationSwitchOn_whenOpenDunning_itsSettingsShouldSayItAsksTheCoordinator() {
    DunningRecords conversing =
        new DunningRecords(
            new DunningTables(jdbc),
            new DunningPolicies(DunningFixtures.properties(), true, true),
            transaction(TestPostgres.dataSource()));

    assertThat(conversing.openDunning(open(payment())).customerConversation()).isTrue();
    assertThat(records.openDunning(open(payment())).customerConversation()).isFalse();
  }

  /** The line the customer's coordinator writes when a cap defers one of the dunning's notices. */
  @Test
  void givenADeferralFromTheCoordinator_whenRecordEvents_itShouldWriteItInTheDunningsLog() {
    records.openDunning(open(payment()));
    String key = DUNNING_ID + ":notice:email:deferred";
    DunningEvent deferral =
        new DunningEvent(
            DUNNING_ID,
            key,
            LogEntry.of(FAILED_AT, LogTitle.DEFERRED, "EMAIL deferred: cap 1 EMAIL per 1 day"),
            null,
            null);

    records.recordEvents(List.of(deferral));
    records.recordEvents(List.of(deferral));

    assertThat(
            jdbc.queryForList(
                "SELECT title FROM dunning_log WHERE record_key = ?", String.class, key))
        .containsExactly("DEFERRED");
  }

  @Test
  void givenAnEventRecordedTwice_whenRecordEvent_itShouldWriteTheLogLineOnce() {
    records.openDunning(open(payment()));
    DunningEvent event =
        new DunningEvent(
            DUNNING_ID,
            DUNNING_ID + ":notice:email",
            LogEntry.of(FAILED_AT, LogTitle.EMAIL_SENT, "notice"),
            null,
            null);

    records.recordEvent(event);
    records.recordEvent(event);

    assertThat(
            jdbc.queryForList(
                "SELECT title FROM dunning_log WHERE record_key = ?",
                String.class,
                DUNNING_ID + ":notice:email"))
        .containsExactly("EMAIL SENT");
  }

  @Test
  void givenAStatusChange_whenRecordEvent_itShouldUpdateTheFailedInvoicesStatus() {
    records.openDunning(open(payment()));

    records.recordEvent(
        new DunningEvent(
            DUNNING_ID,
            DUNNING_ID + ":paused",
            LogEntry.of(FAILED_AT, LogTitle.PAUSED, "by alice"),
            DunningStatus.PAUSED,
            null));

    assertThat(status()).isEqualTo("PAUSED");
  }

  @Test
  void givenAttempts_whenRecordEvent_itShouldKeepTheGreatestAttemptCountSeen() {
    records.openDunning(open(payment()));

    records.recordEvent(retryFailed(":retry-4", 4));
    records.recordEvent(retryFailed(":retry-3", 3));

    assertThat(jdbc.queryForObject("SELECT attempt_count FROM failed_invoice", Integer.class))
        .isEqualTo(4);
    assertThat(count("payment_attempt")).isEqualTo(3);
  }

  @Test
  void givenAnAttemptEventRecordedTwice_whenRecordEvent_itShouldRecordTheAttemptOnce() {
    records.openDunning(open(payment()));

    records.recordEvent(retryFailed(":retry-3", 3));
    records.recordEvent(retryFailed(":retry-3", 3));

    assertThat(count("payment_attempt")).isEqualTo(2);
    assertThat(count("dunning_log")).isEqualTo(2);
  }

  @Test
  void givenABatchRecordedTwice_whenRecordEvents_itShouldWriteEachEventOnceInOrder() {
    records.openDunning(open(payment()));
    List<DunningEvent> batch =
        List.of(
            retryFailed(":retry-3", 3),
            new DunningEvent(
                DUNNING_ID,
                DUNNING_ID + ":paused",
                LogEntry.of(FAILED_AT, LogTitle.PAUSED, "by alice"),
                DunningStatus.PAUSED,
                null));

    records.recordEvents(batch);
    records.recordEvents(batch);

    assertThat(count("payment_attempt")).isEqualTo(2);
    assertThat(count("dunning_log")).isEqualTo(3);
    assertThat(status()).isEqualTo("PAUSED");
  }

  @Test
  void givenARecoveredDunning_whenCloseDunning_itShouldSetStatusReasonAndEnd() {
    records.openDunning(open(payment()));

    records.closeDunning(recovered());

    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT status, outcome_reason, ended_at, attempt_count FROM failed_invoice");
    assertThat(row)
        .containsEntry("status", "RECOVERED")
        .containsEntry("outcome_reason", "paid at the provider");
    assertThat(((Timestamp) row.get("ended_at")).toInstant()).isEqualTo(ENDED_AT);
    assertThat(row).containsEntry("attempt_count", 3);
  }

  @Test
  void givenARecoveredDunningClosedTwice_whenCloseDunning_itShouldAddOneSuccessfulAttempt() {
    records.openDunning(open(payment()));

    records.closeDunning(recovered());
    records.closeDunning(recovered());

    Map<String, Object> success = jdbc.queryForMap("SELECT * FROM payment_attempt WHERE success");
    assertThat(success)
        .containsEntry("number", 3)
        .containsEntry("gateway", "stripe")
        .containsEntry("amount", 1999L)
        .containsEntry("currency", "usd");
    assertThat(((Timestamp) success.get("payment_taken_at")).toInstant()).isEqualTo(ENDED_AT);
    assertThat(
            jdbc.queryForList(
                "SELECT title FROM dunning_log WHERE record_key = ?",
                String.class,
                DUNNING_ID + ":closed"))
        .containsExactly("PAID");
  }

  @Test
  void givenASuccessAlreadyRecorded_whenCloseDunningRecovered_itShouldAddNoOtherSuccess() {
    records.openDunning(open(payment()));
    records.recordEvent(
        new DunningEvent(
            DUNNING_ID,
            DUNNING_ID + ":retry-3",
            LogEntry.of(ENDED_AT, LogTitle.RETRY_SUCCEEDED, "charged"),
            null,
            new PaymentAttempt(3, true, "pi_2", null, 1999, "usd", ENDED_AT)));

    records.closeDunning(recovered());

    assertThat(
            jdbc.queryForList(
                "SELECT external_payment_id FROM payment_attempt WHERE success", String.class))
        .containsExactly("pi_2");
  }

  @Test
  void givenACancelledDunning_whenCloseDunning_itShouldAddNoSuccessfulAttempt() {
    records.openDunning(open(payment()));

    records.closeDunning(
        new CloseDunning(
            DUNNING_ID,
            new DunningResult(
                DunningStatus.CANCELLED, "cancelled by alice: customer left", ENDED_AT, 2),
            LogEntry.of(ENDED_AT, LogTitle.CANCELLED, "customer left")));

    assertThat(status()).isEqualTo("CANCELLED");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM payment_attempt WHERE success", Integer.class))
        .isZero();
  }

  @Test
  void givenAClosedDunning_whenALateStatusEventArrives_itShouldKeepTheFinalStatus() {
    records.openDunning(open(payment()));
    records.closeDunning(recovered());

    records.recordEvent(
        new DunningEvent(
            DUNNING_ID,
            DUNNING_ID + ":late",
            LogEntry.of(ENDED_AT, LogTitle.PAUSED, "late"),
            DunningStatus.PAUSED,
            null));

    assertThat(status()).isEqualTo("RECOVERED");
  }

  private static DunningEvent retryFailed(String suffix, int number) {
    return new DunningEvent(
        DUNNING_ID,
        DUNNING_ID + suffix,
        LogEntry.of(FAILED_AT, LogTitle.RETRY_FAILED, "attempt " + number),
        null,
        new PaymentAttempt(number, false, "pi_1", "card_declined", 1999, "usd", FAILED_AT));
  }

  private static CloseDunning recovered() {
    return new CloseDunning(
        DUNNING_ID,
        new DunningResult(DunningStatus.RECOVERED, "paid at the provider", ENDED_AT, 3),
        LogEntry.of(ENDED_AT, LogTitle.PAID, "paid at the provider"));
  }

  private String status() {
    return jdbc.queryForObject(
        "SELECT status FROM failed_invoice WHERE dunning_id = ?", String.class, DUNNING_ID);
  }

  private int count(String table) {
    Integer rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    return rows == null ? 0 : rows;
  }
}
