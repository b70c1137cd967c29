package com.example.dunning.activities.notification;

import static com.example.dunning.activities.notification.TestNotices.PAY_URL;
import static com.example.dunning.activities.notification.TestNotices.customer;
import static com.example.dunning.activities.notification.TestNotices.notice;
import static com.example.dunning.activities.notification.TestNotices.payment;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.activities.notification.TestNotices.LogLine;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.RestClient;

class CustomerNotificationsSmsTest {

  private static final String MESSAGES = "/2010-04-01/Accounts/AC123/Messages.json";
  private static final String PHONE = "+4712345678";

  private WireMockServer twilio;
  private CustomerNotifications notifications;

  @BeforeEach
  void startTwilioAndDatabase() {
    TestNotices.startFromOneFailedInvoice();
    twilio = new WireMockServer(options().dynamicPort());
    twilio.start();
    TwilioProperties properties =
        new TwilioProperties(
            twilio.baseUrl(),
            "AC123",
            "secret",
            "+15005550006",
            Duration.ofSeconds(2),
            Duration.ofSeconds(5));
    notifications = notifications(new TwilioSmsSender(RestClient.builder(), properties));
  }

  @AfterEach
  void stopTwilio() {
    twilio.stop();
  }

  @Test
  void givenTwilio_whenTexted_itShouldPostTheFormWithBasicAuthAndTheIdempotencyToken() {
    twilio.stubFor(messages().willReturn(created()));
    Notice notice = notice("reminder-1:sms", NoticeKind.REMINDER, adaOwesTenDollars());

    Delivery delivery = notifications.sendSms(notice);

    assertThat(delivery).isEqualTo(new Delivery(true, PHONE, null));
    twilio.verify(
        1,
        postRequestedFor(urlPathEqualTo(MESSAGES))
            .withBasicAuth(new BasicCredentials("AC123", "secret"))
            .withHeader("I-Twilio-Idempotency-Token", equalTo(notice.key()))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withFormParam("To", equalTo(PHONE))
            .withFormParam("From", equalTo("+15005550006"))
            .withFormParam("Body", containing("Example Music: $10.00 for Pro Artist is still due"))
            .withFormParam("Body", containing("Pro Artist"))
            .withFormParam("Body", containing(PAY_URL)));
    assertThat(TestNotices.logLines())
        .containsExactly(new LogLine("SMS SENT", "Payment reminder", "SUCCESS", PHONE));
  }

  @Test
  void givenTheSameSmsTwice_whenTexted_itShouldPostOnce() {
    twilio.stubFor(messages().willReturn(created()));
    Notice notice = notice("reminder-1:sms", NoticeKind.REMINDER, adaOwesTenDollars());

    notifications.sendSms(notice);
    Delivery retried = notifications.sendSms(notice);

    assertThat(retried).isEqualTo(new Delivery(true, PHONE, "already sent"));
    twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    assertThat(TestNotices.logLines()).hasSize(1);
  }

  @Test
  void givenAClaimLeftByAnAttemptThatDiedLongAgo_whenTexted_itShouldPostOnceUnderTheSameToken() {
    twilio.stubFor(messages().willReturn(created()));
    Notice notice = notice("notice:sms", NoticeKind.NOTICE, adaOwesTenDollars());
    // Twilio's 2 s + 5 s timeouts and the 1 s margin: an 8 s claim is abandoned, a younger one not.
    Duration abandonedAfter = Duration.ofSeconds(8);
    TestNotices.ledger().claim(notice, Channel.SMS, PHONE, abandonedAfter);
    assertThatThrownBy(() -> notifications.sendSms(notice))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            young -> assertThat(young.getType()).isEqualTo(CustomerNotifications.IN_DOUBT_TYPE));
    TestNotices.jdbc()
        .update("UPDATE notification SET claimed_at = claimed_at - interval '9 seconds'");

    Delivery retried = notifications.sendSms(notice);

    assertThat(retried).isEqualTo(new Delivery(true, PHONE, CustomerNotifications.TAKEN_OVER_NOTE));
    twilio.verify(
        1,
        postRequestedFor(urlPathEqualTo(MESSAGES))
            .withHeader("I-Twilio-Idempotency-Token", equalTo(notice.key())));
    assertThat(TestNotices.claimStates()).containsExactly("SENT");
    assertThat(TestNotices.logLines())
        .containsExactly(
            new LogLine(
                "SMS SENT",
                "Payment failed notice, sent after an interrupted attempt",
                "SUCCESS",
                PHONE));
  }

  @Test
  void givenTwilioRejectsTheNumber_whenTexted_itShouldFailForGoodAndReleaseTheClaim() {
    twilio.stubFor(messages().willReturn(rejected()));
    Notice notice = notice("notice:sms", NoticeKind.NOTICE, adaOwesTenDollars());

    assertThatThrownBy(() -> notifications.sendSms(notice))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getType()).isEqualTo("SmsRejected");
              assertThat(failure.getOriginalMessage())
                  .contains("400", "The 'To' number +4712345678 is not a valid phone number.");
            });
    assertThat(TestNotices.claimStates()).isEmpty();
    assertThat(TestNotices.logLines()).isEmpty();
  }

  @Test
  void givenTwilioRejectsTheNumber_whenRunAsAnActivity_itShouldNotBeRetried() {
    twilio.stubFor(messages().willReturn(rejected()));
    TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
    try {
      environment.registerActivitiesImplementations(notifications);
      NotificationActivities activity =
          environment.newActivityStub(
              NotificationActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(
                      RetryOptions.newBuilder()
                          .setInitialInterval(Duration.ofMillis(1))
                          .setMaximumAttempts(3)
                          .build())
                  .build());
      Notice notice = notice("notice:sms", NoticeKind.NOTICE, adaOwesTenDollars());

      assertThatThrownBy(() -> activity.sendSms(notice))
          .isInstanceOf(ActivityFailure.class)
          .cause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class, failure -> assertThat(failure.isNonRetryable()).isTrue());
      twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    } finally {
      environment.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 503})
  void givenTwilioBusyOrDown_whenTexted_itShouldFailRetryablyAndTheRetrySendOnce(int status) {
    twilio.stubFor(messages().willReturn(aResponse().withStatus(status)));
    Notice notice = notice("notice:sms", NoticeKind.NOTICE, adaOwesTenDollars());

    assertThatThrownBy(() -> notifications.sendSms(notice))
        .isInstanceOf(SmsProviderUnavailable.class)
        .hasMessageContaining(String.valueOf(status));
    assertThat(TestNotices.claimStates()).isEmpty();

    twilio.resetAll();
    twilio.stubFor(messages().willReturn(created()));
    Delivery retried = notifications.sendSms(notice);

    assertThat(retried.sent()).isTrue();
    twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    assertThat(TestNotices.logLines()).hasSize(1);
  }

  @Test
  void givenSmsDisabled_whenTexted_itShouldSendNothingAndLogItOnce() {
    CustomerNotifications withoutSms = notifications(new DisabledSmsSender());
    Notice notice = notice("notice:sms", NoticeKind.NOTICE, adaOwesTenDollars());

    Delivery delivery = withoutSms.sendSms(notice);
    withoutSms.sendSms(notice);

    assertThat(delivery)
        .isEqualTo(new Delivery(false, PHONE, "SMS disabled: no provider configured"));
    assertThat(TestNotices.logLines())
        .containsExactly(
            new LogLine("SMS NOT SENT", "SMS disabled: no provider configured", "SKIPPED", PHONE));
    assertThat(TestNotices.claimStates()).isEmpty();
  }

  @Test
  void givenNoPhoneNumber_whenTexted_itShouldSkipWithoutCallingTwilio() {
    PaymentDetails noPhone = payment(customer("ada@example.com", null), 1000, "usd");

    Delivery delivery = notifications.sendSms(notice("notice:sms", NoticeKind.NOTICE, noPhone));

    assertThat(delivery).isEqualTo(new Delivery(false, null, "no phone number"));
    twilio.verify(0, postRequestedFor(urlPathEqualTo(MESSAGES)));
    assertThat(TestNotices.logLines())
        .containsExactly(new LogLine("SMS NOT SENT", "no phone number", "SKIPPED", null));
  }

  private static CustomerNotifications notifications(SmsSender sms) {
    return new CustomerNotifications(
        TestNotices.ledger(),
        TestNotices.renderer(),
        TestNotices.mailer(mailSender()),
        sms,
        Duration.ofSeconds(1));
  }

  /** Never used: these notices go by SMS. */
  private static JavaMailSenderImpl mailSender() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    for (String timeout : NoticeMailer.TIMEOUTS) {
      sender.getJavaMailProperties().setProperty(timeout, "1000");
    }
    return sender;
  }

  private static PaymentDetails adaOwesTenDollars() {
    return payment(customer("ada@example.com", PHONE), 1000, "usd");
  }

  private static MappingBuilder messages() {
    return post(urlPathEqualTo(MESSAGES));
  }

  private static ResponseDefinitionBuilder created() {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"sid\": \"SM1234\", \"status\": \"queued\"}");
  }

  private static ResponseDefinitionBuilder rejected() {
    return aResponse()
        .withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody(
            "{\"code\": 21211, \"message\": \"The 'To' number +4712345678 is not a valid phone"
                + " number.\", \"more_info\": \"https://www.twilio.com/docs/errors/21211\","
                + " \"status\": 400}");
  }
}
