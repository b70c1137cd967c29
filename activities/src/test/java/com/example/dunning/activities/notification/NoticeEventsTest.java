package com.example.dunning.activities.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.DunningFixtures;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.events.EventEndpoints;
import com.example.dunning.activities.events.EventOutbox;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.policy.NoticeKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A notice sent writes its {@code dunning.notice_sent} event with the key marked sent, once. */
class NoticeEventsTest {

  private GreenMail smtp;
  private CustomerNotifications notifications;

  @BeforeEach
  void startSmtpAndDatabase() {
    TestNotices.startFromOneFailedInvoice();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    EventEndpoints oneEndpoint = DunningFixtures.oneEventEndpoint();
    NoticeLedger ledger =
        new NoticeLedger(
            TestNotices.jdbc(),
            new DataSourceTransactionManager(TestPostgres.dataSource()),
            new EventOutbox(TestNotices.jdbc(), oneEndpoint));
    notifications =
        new CustomerNotifications(
            ledger,
            TestNotices.renderer(),
            TestNotices.mailer(TestNotices.mailSender(smtp.getSmtp().getPort())),
            new DisabledSmsSender(),
            Duration.ofSeconds(1));
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void givenOneEndpoint_whenTheSameNoticeIsEmailedTwice_itShouldWriteOneNoticeSentEvent()
      throws Exception {
    Notice notice =
        TestNotices.notice(
            "retry-1:email",
            NoticeKind.REMINDER,
            TestNotices.payment(TestNotices.customer("ada@example.com", null), 1000, "usd"));

    notifications.sendEmail(notice);
    notifications.sendEmail(notice);

    List<String> bodies =
        TestNotices.jdbc().queryForList("SELECT body FROM dunning_event", String.class);
    assertThat(bodies).hasSize(1);
    JsonNode event = new ObjectMapper().readTree(bodies.get(0));
    assertThat(event.get("type").asText()).isEqualTo("dunning.notice_sent");
    assertThat(event.get("data").get("channel").asText()).isEqualTo("email");
    assertThat(event.get("data").get("notice").asText()).isEqualTo("REMINDER");
    assertThat(event.get("data").get("recipient").asText()).isEqualTo("ada@example.com");
  }

  @Test
  void givenOneEndpoint_whenAnSmsCannotBeSent_itShouldWriteNoEvent() {
    notifications.sendSms(
        TestNotices.notice(
            "notice:sms",
            NoticeKind.NOTICE,
            TestNotices.payment(
                TestNotices.customer("ada@example.com", "+4712345678"), 1000, "usd")));

    assertThat(
            TestNotices.jdbc().queryForObject("SELECT count(*) FROM dunning_event", Integer.class))
        .isZero();
  }
}
