package com.example.dunning.activities.notification;

import static com.example.dunning.activities.notification.TestNotices.PAY_URL;
import static com.example.dunning.activities.notification.TestNotices.customer;
import static com.example.dunning.activities.notification.TestNotices.notice;
import static com.example.dunning.activities.notification.TestNotices.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.activities.notification.TestNotices.LogLine;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class CustomerNotificationsEmailTest {

  private GreenMail smtp;
  private int smtpPort;
  private CustomerNotifications notifications;

  @BeforeEach
  void startSmtpAndDatabase() {
    TestNotices.startFromOneFailedInvoice();
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    smtpPort = smtp.getSmtp().getPort();
    notifications =
        new CustomerNotifications(
            TestNotices.ledger(),
            new NoticeTemplates(),
            new NoticeMailer(mailSender(smtpPort), "billing@example.com"),
            new DisabledSmsSender());
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void givenEachNoticeKind_whenEmailed_itShouldTellTheAmountPackageAndLink(NoticeKind kind)
      throws Exception {
    Notice notice = notice("step:email", kind, adaOwesTenDollars());

    Delivery delivery = notifications.sendEmail(notice);

    assertThat(delivery).isEqualTo(new Delivery(true, "ada@example.com", null));
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    String body = GreenMailUtil.getBody(received);
    assertThat(received.getSubject()).isNotBlank().doesNotContain("{{");
    assertThat(body)
        .contains("Hi Ada Lovelace,", "USD 10.00", "Pro Artist", PAY_URL)
        .doesNotContain("{{");
    assertThat(received.getFrom()[0].toString()).isEqualTo("billing@example.com");
    assertThat(received.getMessageID()).isEqualTo("<dunning-stripe-in_1.step.email@dunning>");
  }

  @Test
  void givenTheEscalation_whenEmailed_itShouldSayWhatEachStepMeans() {
    assertThat(subjectAndBody(NoticeKind.FINAL_WARNING)).contains("Final notice", "expires");
    assertThat(subjectAndBody(NoticeKind.EXPIRED)).contains("has expired");
    assertThat(subjectAndBody(NoticeKind.RECOVERED)).contains("Thank you");
    assertThat(subjectAndBody(NoticeKind.AUTHENTICATION_REQUIRED))
        .contains("bank needs you to confirm", "Confirm the payment here");
  }

  @Test
  void givenAZeroDecimalCurrencyAndNoName_whenEmailed_itShouldShowWholeYenAndGreetPolitely() {
    RenderedNotice rendered =
        new NoticeTemplates()
            .email(
                NoticeKind.REMINDER,
                payment(new Customer("cus_1", null, "ken@example.jp", null, null), 1200, "jpy"));

    assertThat(rendered.subject()).contains("JPY 1,200");
    assertThat(rendered.body()).startsWith("Hello,").contains("JPY 1,200").doesNotContain("Hi ");
  }

  @Test
  void givenTheSameNoticeTwice_whenEmailed_itShouldSendOneMessageAndLogOneLine() {
    Notice notice = notice("reminder-1:email", NoticeKind.REMINDER, adaOwesTenDollars());

    Delivery first = notifications.sendEmail(notice);
    Delivery retried = notifications.sendEmail(notice);

    assertThat(first.sent()).isTrue();
    assertThat(retried).isEqualTo(new Delivery(true, "ada@example.com", "already sent"));
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(TestNotices.logLines())
        .containsExactly(
            new LogLine("EMAIL SENT", "Payment reminder", "SUCCESS", "ada@example.com"));
    assertThat(TestNotices.claimStates()).containsExactly("SENT");
  }

  @Test
  void givenSmtpDown_whenEmailed_itShouldFailAndReleaseTheClaimSoTheRetrySendsOnce() {
    Notice notice = notice("notice:email", NoticeKind.NOTICE, adaOwesTenDollars());
    smtp.stop();

    assertThatThrownBy(() -> notifications.sendEmail(notice)).isInstanceOf(MailException.class);
    assertThat(TestNotices.claimStates()).isEmpty();
    assertThat(TestNotices.logLines()).isEmpty();

    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Delivery retried = notifications.sendEmail(notice);

    assertThat(retried.sent()).isTrue();
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(TestNotices.logLines()).hasSize(1);
  }

  @Test
  void givenAnEarlierAttemptDiedMidSend_whenRetried_itShouldNotSendAgain() {
    Notice notice = notice("notice:email", NoticeKind.NOTICE, adaOwesTenDollars());
    TestNotices.ledger().claim(notice, Channel.EMAIL, "ada@example.com");

    Delivery retried = notifications.sendEmail(notice);

    assertThat(retried.sent()).isFalse();
    assertThat(retried.note()).contains("earlier attempt");
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(TestNotices.claimStates()).containsExactly("CLAIMED");
    assertThat(TestNotices.logLines())
        .containsExactly(
            new LogLine(
                "EMAIL NOT SENT",
                "not sent again: an earlier attempt may have sent it",
                "SKIPPED",
                "ada@example.com"));
  }

  @Test
  void givenNoEmailAddress_whenEmailed_itShouldSkipAndLogItOnce() {
    PaymentDetails noAddress = payment(customer(" ", "+4712345678"), 1000, "usd");
    Notice notice = notice("notice:email", NoticeKind.NOTICE, noAddress);

    Delivery delivery = notifications.sendEmail(notice);
    notifications.sendEmail(notice);

    assertThat(delivery).isEqualTo(new Delivery(false, null, "no email address"));
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(TestNotices.logLines())
        .containsExactly(new LogLine("EMAIL NOT SENT", "no email address", "SKIPPED", null));
  }

  private static PaymentDetails adaOwesTenDollars() {
    return payment(customer("ada@example.com", null), 1000, "usd");
  }

  private String subjectAndBody(NoticeKind kind) {
    RenderedNotice rendered = new NoticeTemplates().email(kind, adaOwesTenDollars());
    return rendered.subject() + "\n" + rendered.body();
  }

  private static JavaMailSenderImpl mailSender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.connectiontimeout", "5000");
    properties.setProperty("mail.smtp.timeout", "5000");
    properties.setProperty("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(properties);
    return sender;
  }
}
