package com.example.dunning.activities.payment;

import static com.example.dunning.activities.payment.ElasticPathFetchPaymentTest.INVOICE_ID;
import static com.example.dunning.activities.payment.ElasticPathFetchPaymentTest.PAYMENTS;
import static com.example.dunning.activities.payment.ElasticPathFetchPaymentTest.list;
import static com.example.dunning.activities.payment.ProviderTestbed.resource;
import static com.example.dunning.workflows.testing.MockActivities.mockActivities;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.example.dunning.activities.policy.DunningPolicies;
import com.example.dunning.activities.policy.DunningPolicyProperties;
import com.example.dunning.workflows.activities.DunningRecordActivities;
import com.example.dunning.workflows.activities.DunningRecordActivities.OpenDunning;
import com.example.dunning.workflows.activities.NotificationActivities;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.activities.PackageActivities;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.model.IntakeDetails;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.NoticeKind;
import com.example.dunning.workflows.policy.StepAction;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The dunning workflow with the real payment activities against WireMock speaking Elastic Path's
 * and Frontpayment's APIs; notices, packages and records mocked; time skipped.
 */
class ProviderDunningWorkflowTest {

  private static final String ORDER = FrontpaymentFetchPaymentTest.ORDER;
  private static final String DETAILS = FrontpaymentFetchPaymentTest.DETAILS;
  private static final String INVOICED = FrontpaymentFetchPaymentTest.SEED_JSON;
  private static final String PAID =
      INVOICED.replace("\"status\": \"INVOICED\"", "\"status\": \"PAID\"");

  /** The shipped default schedule: notice at once, retries on days 3, 7 and 12, expiry on 15. */
  private static final List<DunningStep> STEPS =
      List.of(
          step("notice", Duration.ZERO, NoticeKind.NOTICE, StepAction.SMS),
          step("retry-1", Duration.ofDays(3), NoticeKind.REMINDER, StepAction.RETRY_CHARGE),
          step("retry-2", Duration.ofDays(4), NoticeKind.REMINDER, StepAction.RETRY_CHARGE),
          step("final", Duration.ofDays(5), NoticeKind.FINAL_WARNING, StepAction.RETRY_CHARGE),
          step("expire", Duration.ofDays(3), NoticeKind.EXPIRED, StepAction.EXPIRE_PACKAGE));

  private final WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort());
  private final List<Notice> emails = Collections.synchronizedList(new ArrayList<>());
  private final List<Instant> emailTimes = Collections.synchronizedList(new ArrayList<>());
  private final List<Notice> texts = Collections.synchronizedList(new ArrayList<>());
  private static final List<OpenDunning> opened = Collections.synchronizedList(new ArrayList<>());
  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    opened.clear();
    api.start();
    api.stubFor(
        post(urlPathEqualTo("/oauth/access_token"))
            .willReturn(json(resource("elasticpath/token.json"))));
    env = TestWorkflowEnvironment.newInstance();
    DunningSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(DunningWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        payments(), notifications(), mockActivities(PackageActivities.class), records());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
    api.stop();
  }

  @Test
  void givenFrontpaymentReportsTheOrderPaidMidway_itShouldEndRecoveredAtTheNextStep() {
    api.stubFor(
        get(urlPathEqualTo(DETAILS))
            .inScenario("order")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(INVOICED))
            .willSetStateTo("opened"));
    api.stubFor(
        get(urlPathEqualTo(DETAILS))
            .inScenario("order")
            .whenScenarioStateIs("opened")
            .willReturn(json(INVOICED))
            .willSetStateTo("noticed"));
    api.stubFor(
        get(urlPathEqualTo(DETAILS))
            .inScenario("order")
            .whenScenarioStateIs("noticed")
            .willReturn(json(PAID)));
    Instant started = now();

    DunningResult result = dunning("frontpayment", ORDER).run(request("frontpayment", ORDER));

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(result.reason()).isEqualTo("invoice paid at the provider");
    assertThat(Duration.between(started, result.endedAt()))
        .isBetween(Duration.ofDays(3), Duration.ofDays(3).plusMinutes(1));
    assertThat(emails).extracting(Notice::kind).containsExactly(NoticeKind.NOTICE);
    assertThat(emails.get(0).payment().amountDue()).isEqualTo(250_000);
    assertThat(emails.get(0).payment().customer().phone()).isEqualTo("+4746567468");
    api.verify(3, getRequestedFor(urlPathEqualTo(DETAILS)));
  }

  @Test
  void givenANorwegianOrderTheIntakeCalledGerman_itsNoticesShouldBeInTheProvidersNorwegian() {
    api.stubFor(
        get(urlPathEqualTo(DETAILS))
            .inScenario("order")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(INVOICED))
            .willSetStateTo("opened"));
    api.stubFor(
        get(urlPathEqualTo(DETAILS))
            .inScenario("order")
            .whenScenarioStateIs("opened")
            .willReturn(json(INVOICED))
            .willSetStateTo("noticed"));
    api.stubFor(
        get(urlPathEqualTo(DETAILS))
            .inScenario("order")
            .whenScenarioStateIs("noticed")
            .willReturn(json(PAID)));
    IntakeDetails toldGerman = new IntakeDetails(null, null, "de-DE", null, Map.of());

    dunning("frontpayment", ORDER).run(request("frontpayment", ORDER).withIntake(toldGerman));

    // The order's country (NO) is the provider's word on the language, and the provider's wins.
    assertThat(emails).extracting(Notice::kind).containsExactly(NoticeKind.NOTICE);
    assertThat(emails.get(0).payment().metadata()).containsEntry("locale", "nb-NO");
  }

  @Test
  void givenElasticPathDownForAWhile_itShouldOnlyWaitAndThenCarryOnToRecovery() {
    String failed = list(resource("elasticpath/payment-failed.json"));
    String paid =
        list(
            resource("elasticpath/payment-failed.json"),
            resource("elasticpath/payment-succeeded.json"));
    String state = Scenario.STARTED;
    for (int outage = 1; outage <= 3; outage++) {
      api.stubFor(
          get(urlPathEqualTo(PAYMENTS))
              .inScenario("outage")
              .whenScenarioStateIs(state)
              .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "600"))
              .willSetStateTo("down-" + outage));
      state = "down-" + outage;
    }
    api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .inScenario("outage")
            .whenScenarioStateIs(state)
            .willReturn(json(failed))
            .willSetStateTo("up"));
    api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .inScenario("outage")
            .whenScenarioStateIs("up")
            .willReturn(json(failed))
            .willSetStateTo("paid"));
    api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .inScenario("outage")
            .whenScenarioStateIs("paid")
            .willReturn(json(paid)));
    Instant started = now();

    DunningResult result =
        dunning("elasticpath", INVOICE_ID).run(request("elasticpath", INVOICE_ID));

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    assertThat(emails).extracting(Notice::kind).containsExactly(NoticeKind.NOTICE);
    // Three answers of 503 asking for ten minutes each: the first notice waited them out.
    assertThat(Duration.between(started, emailTimes.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    // Elastic Path's payments name no customer: the notice went to the intake's address.
    assertThat(emails.get(0).payment().customer().email()).isEqualTo("kari@example.com");
    api.verify(6, getRequestedFor(urlPathEqualTo(PAYMENTS)));
  }

  @Test
  void
      givenAnIntakeWithAPhoneAndTheBusinessKeys_atElasticPath_itShouldTextThatPhoneAndRecordThem() {
    String failed = list(resource("elasticpath/payment-failed.json"));
    String paid =
        list(
            resource("elasticpath/payment-failed.json"),
            resource("elasticpath/payment-succeeded.json"));
    api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .inScenario("paid later")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(failed))
            .willSetStateTo("noticed"));
    api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .inScenario("paid later")
            .whenScenarioStateIs("noticed")
            .willReturn(json(failed))
            .willSetStateTo("paid"));
    api.stubFor(
        get(urlPathEqualTo(PAYMENTS))
            .inScenario("paid later")
            .whenScenarioStateIs("paid")
            .willReturn(json(paid)));
    IntakeDetails told =
        new IntakeDetails(
            "+4712345678",
            "Europe/Oslo",
            "nb-NO",
            "Artist Pro",
            Map.of(
                "user_id", "42",
                "package_id", "7",
                "artist_name", "Kari Band",
                "profile_url", "https://example.com/kari"));

    DunningResult result =
        dunning("elasticpath", INVOICE_ID).run(request("elasticpath", INVOICE_ID).withIntake(told));

    assertThat(result.outcome()).isEqualTo(DunningStatus.RECOVERED);
    // Elastic Path's payments name no phone: the notice's SMS went to the intake's number.
    assertThat(texts).hasSize(1);
    assertThat(texts.get(0).payment().customer().phone()).isEqualTo("+4712345678");
    assertThat(texts.get(0).payment().customer().timeZone()).isEqualTo("Europe/Oslo");
    assertThat(texts.get(0).key()).endsWith(":notice:sms");
    // The record the worker writes holds the business's keys as Stripe metadata would.
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).payment().metadata())
        .containsEntry("user_id", "42")
        .containsEntry("package_id", "7")
        .containsEntry("artist_name", "Kari Band")
        .containsEntry("profile_url", "https://example.com/kari")
        .containsEntry("locale", "nb-NO");
    assertThat(opened.get(0).payment().packageName()).isEqualTo("Artist Pro");
    assertThat(opened.get(0).payment().customer().phone()).isEqualTo("+4712345678");
  }

  private DunningWorkflow dunning(String provider, String invoiceId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            DunningWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DunningIds.workflowId(provider, invoiceId))
                .setTaskQueue(DunningIds.TASK_QUEUE)
                .build());
  }

  private DunningRequest request(String provider, String invoiceId) {
    return new DunningRequest(
        provider, invoiceId, "cus_1", "kari@example.com", 1999, "usd", 1, now());
  }

  private ProviderPaymentActivities payments() {
    Duration timeout = Duration.ofSeconds(5);
    return new ProviderPaymentActivities(
        List.of(
            new ElasticPathPaymentProvider(
                new ElasticPathProperties(api.baseUrl(), "id", "secret", timeout, timeout),
                RestClient.builder(),
                new CredentialRefusals(new SimpleMeterRegistry())),
            new FrontpaymentPaymentProvider(
                new FrontpaymentProperties(
                    api.baseUrl(), "token", ZoneId.of("Europe/Oslo"), timeout, timeout),
                RestClient.builder(),
                new CredentialRefusals(new SimpleMeterRegistry()))));
  }

  private NotificationActivities notifications() {
    NotificationActivities notifications = mockActivities(NotificationActivities.class);
    when(notifications.sendEmail(any()))
        .thenAnswer(
            call -> {
              Notice notice = call.getArgument(0);
              emails.add(notice);
              emailTimes.add(now());
              return new Delivery(true, notice.payment().customer().email(), null);
            });
    when(notifications.sendSms(any()))
        .thenAnswer(
            call -> {
              Notice notice = call.getArgument(0);
              texts.add(notice);
              String phone = notice.payment().customer().phone();
              return phone == null
                  ? new Delivery(false, null, "no phone number")
                  : new Delivery(true, phone, null);
            });
    return notifications;
  }

  /** Records mocked; the settings are the real policy's (Stripe's Smart Retries off). */
  private static DunningRecordActivities records() {
    DunningPolicies policies =
        new DunningPolicies(
            new DunningPolicyProperties("default-v1", STEPS, null, null, null, null), false);
    DunningRecordActivities records = mockActivities(DunningRecordActivities.class);
    when(records.openDunning(any()))
        .thenAnswer(
            call -> {
              OpenDunning open = call.getArgument(0);
              opened.add(open);
              return policies.settingsFor(open.request().provider(), open.payment().planId());
            });
    return records;
  }

  private Instant now() {
    return Instant.ofEpochMilli(env.currentTimeMillis());
  }

  private static DunningStep step(
      String name, Duration delay, NoticeKind notice, StepAction action) {
    return new DunningStep(name, delay, EnumSet.of(action, StepAction.EMAIL), notice);
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
