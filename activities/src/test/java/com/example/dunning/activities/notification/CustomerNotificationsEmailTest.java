package com.example.dunning.activities.notification;

import static com.example.dunning.activities.notification.CustomerNotifications.TAKEN_OVER_NOTE;
import static com.example.dunning.activities.notification.TestNotices.PAY_URL;
import static com.example.dunning.activities.notification.TestNotices.customer;
import static com.example.dunning.activities.notification.TestNotices.notice;
import static com.example.dunning.activities.notification.TestNotices.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.activities.notification.TestNotices.LogLine;
import com.example.dunning.notices.NoticeRenderer;
import com.example.dunning.notices.RenderedEmail;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.model.Customer;
import com.example.dunning.workflows.model.IntakeDetails;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.NoticeKind;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.temporal.failure.ApplicationFailure;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mail.MailException;

class CustomerNotificationsEmailTest {

  private static final Duration MARGIN = Duration.ofSeconds(1);

  /** The test mail sender's three 5 s timeouts, plus the margin. */
  private static final Duration ABANDONED_AFTER = Duration.ofSeconds(16);

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
            TestNotices.renderer(),
            TestNotices.mailer(TestNotices.mailSender(smtpPort)),
            new DisabledSmsSender(),
            MARGIN);
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @ParameterizedTest
  @EnumSource(NoticeKind.class)
  void givenEachNoticeKind_whenEmailed_bothPartsShouldCarryTheSameAmountLinkAndDates(
      NoticeKind kind) throws Exception {
    Notice notice = notice("step:email", kind, adaOwesTenDollarsWithANextAttempt());

    Delivery delivery = notifications.sendEmail(notice);

    assertThat(delivery).isEqualTo(new Delivery(true, "ada@example.com", null));
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    ReceivedMail mail = ReceivedMail.of(received);
    assertThat(mail.contentType()).startsWith("multipart/alternative");
    assertThat(received.getSubject()).isNotBlank().doesNotContain("{{");
    assertThat(mail.text())
        .contains("Hi Ada Lovelace,", "$10.00", "Pro Artist", "Example Music")
        .doesNotContain("{{");
    assertThat(amountsLinksAndDates(mail.text()))
        .contains("$10.00", PAY_URL)
        .containsAll(kind == NoticeKind.RECOVERED ? List.of() : List.of("December 20, 2026"))
        .isEqualTo(amountsLinksAndDates(mail.htmlAsRead()));
    assertThat(mail.html()).contains("href=\"" + PAY_URL + "\"").doesNotContain("<script");
    assertThat(received.getFrom()[0].toString()).isEqualTo("Example Music <billing@example.com>");
    assertThat(received.getReplyTo()[0].toString()).isEqualTo("support@example.com");
    assertThat(received.getMessageID()).isEqualTo("<dunning-stripe-in_1.step.email@dunning>");
  }

  @Test
  void givenTheEscalation_whenEmailed_itShouldSayWhatEachStepMeans() {
    assertThat(subjectAndBody(NoticeKind.FINAL_WARNING)).contains("Final notice", "expires");
    assertThat(subjectAndBody(NoticeKind.EXPIRED)).contains("has expired");
    assertThat(subjectAndBody(NoticeKind.RECOVERED)).contains("Thank you");
    assertThat(subjectAndBody(NoticeKind.AUTHENTICATION_REQUIRED))
        .contains("bank needs you to confirm", "Confirm the payment");
  }

  @Test
  void givenAZeroDecimalCurrencyAndNoName_whenEmailed_itShouldShowWholeYenAndGreetPolitely() {
    RenderedEmail rendered =
        TestNotices.renderer()
            .email(
                NoticeKind.REMINDER,
                payment(new Customer("cus_1", null, "ken@example.jp", null, null), 1200, "jpy"));

    assertThat(rendered.subject()).contains("¥1,200");
    assertThat(rendered.text()).startsWith("Hello,").contains("¥1,200").doesNotContain("Hi ");
  }

  @Test
  void givenAnEnglishNotice_whenEmailed_bothPartsShouldBeQuotedPrintableAsSetNotAsChosen()
      throws Exception {
    notifications.sendEmail(
        notice(
            "notice:email",
            NoticeKind.NOTICE,
            payment(customer("ada@example.com", null), 1999, "usd")));

    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMultipart parts = (MimeMultipart) smtp.getReceivedMessages()[0].getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    for (int i = 0; i < parts.getCount(); i++) {
      assertThat(((MimeBodyPart) parts.getBodyPart(i)).getEncoding()).isEqualTo("quoted-printable");
    }
  }

  @Test
  void givenANorwegianCustomer_whenEmailed_itShouldArriveInNorwegianWithKronerAndBeKeptAsSent()
      throws Exception {
    PaymentDetails norwegian =
        withLocale(payment(customer("kari@example.no", null), 250000, "nok"), "nb-NO");

    notifications.sendEmail(notice("notice:email", NoticeKind.NOTICE, norwegian));

    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = smtp.getReceivedMessages()[0];
    ReceivedMail mail = ReceivedMail.of(received);
    assertThat(received.getSubject())
        .isEqualTo("Betalingen din på kr\u00a02\u00a0500,00 til Example Music gikk ikke gjennom");
    assertThat(received.getHeader("Content-Language")).containsExactly("nb-NO");
    assertThat(mail.text()).contains("Hei Ada Lovelace,", "Å betale: kr\u00a02\u00a0500,00");
    assertThat(mail.htmlAsRead()).contains("kr\u00a02\u00a0500,00", "Betal eller oppdater kortet");
    assertThat(mail.html()).contains("<html lang=\"nb-NO\">");
    assertThat(TestNotices.jdbc().queryForMap("SELECT subject, body, locale FROM notification"))
        .containsEntry("subject", received.getSubject())
        .containsEntry("body", mail.text().replace("\r\n", "\n"))
        .containsEntry("locale", "nb-NO");
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
  void givenAClaimLeftByAnAttemptThatDiedLongAgo_whenRetried_itShouldSendOnceWithTheSameMessageId()
      throws Exception {
    Notice notice = notice("notice:email", NoticeKind.NOTICE, adaOwesTenDollars());
    claimedAgo(notice, ABANDONED_AFTER.plusSeconds(1));

    Delivery retried = notifications.sendEmail(notice);
    Delivery again = notifications.sendEmail(notice);

    assertThat(retried).isEqualTo(new Delivery(true, "ada@example.com", TAKEN_OVER_NOTE));
    assertThat(again).isEqualTo(new Delivery(true, "ada@example.com", "already sent"));
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getMessageID())
        .isEqualTo("<dunning-stripe-in_1.notice.email@dunning>");
    assertThat(TestNotices.claimStates()).containsExactly("SENT");
    assertThat(TestNotices.logLines())
        .containsExactly(
            new LogLine(
                "EMAIL SENT",
                "Payment failed notice, sent after an interrupted attempt",
                "SUCCESS",
                "ada@example.com"));
  }

  @Test
  void givenAClaimYoungerThanTheLongestSend_whenRetried_itShouldFailRetryablyUntilItIsOldEnough() {
    Notice notice = notice("notice:email", NoticeKind.NOTICE, adaOwesTenDollars());
    claimedAgo(notice, Duration.ofSeconds(6));

    assertThatThrownBy(() -> notifications.sendEmail(notice))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.isNonRetryable()).isFalse();
              assertThat(failure.getType()).isEqualTo(CustomerNotifications.IN_DOUBT_TYPE);
              // 16 s in all, 6 s of them gone: 10 s left, less whatever this test took so far.
              assertThat(failure.getNextRetryDelay())
                  .isGreaterThan(Duration.ZERO)
                  .isLessThanOrEqualTo(Duration.ofSeconds(10));
            });
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(TestNotices.claimStates()).containsExactly("CLAIMED");
    assertThat(TestNotices.logLines()).isEmpty();
  }

  @Test
  void givenTwoRetriesTakingOverTheSameOldClaimAtOnce_whenBothSend_itShouldGoOutOnce()
      throws Exception {
    int notices = 10;
    ExecutorService retries = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < notices; i++) {
        Notice notice = notice("step-" + i + ":email", NoticeKind.REMINDER, adaOwesTenDollars());
        claimedAgo(notice, ABANDONED_AFTER.plusSeconds(1));
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<String> retry =
            () -> {
              together.await();
              try {
                return String.valueOf(notifications.sendEmail(notice).note());
              } catch (ApplicationFailure stillSending) {
                return stillSending.getType();
              }
            };
        Future<String> one = retries.submit(retry);
        Future<String> other = retries.submit(retry);

        assertThat(List.of(one.get(), other.get()))
            .as("notice %d", i)
            .containsOnlyOnce(TAKEN_OVER_NOTE)
            .containsAnyOf("already sent", CustomerNotifications.IN_DOUBT_TYPE);
      }
    } finally {
      retries.shutdownNow();
    }
    assertThat(smtp.waitForIncomingEmail(5_000, notices)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(notices);
    assertThat(TestNotices.claimStates()).hasSize(notices).containsOnly("SENT");
  }

  @Test
  void givenAStaleAttemptFailingAfterATakeover_whenItReleases_itShouldLeaveTheNewClaim() {
    Notice notice = notice("notice:email", NoticeKind.NOTICE, adaOwesTenDollars());
    NoticeLedger ledger = TestNotices.ledger();
    NoticeLedger.ClaimResult stale =
        ledger.claim(notice, Channel.EMAIL, "ada@example.com", ABANDONED_AFTER);
    claimedAgo(notice, ABANDONED_AFTER.plusSeconds(1));
    NoticeLedger.ClaimResult takeover =
        ledger.claim(notice, Channel.EMAIL, "ada@example.com", ABANDONED_AFTER);

    ledger.release(notice.key(), stale.claimedAt());

    assertThat(stale.claim()).isEqualTo(NoticeLedger.Claim.CLAIMED);
    assertThat(takeover.claim()).isEqualTo(NoticeLedger.Claim.TAKEN_OVER);
    assertThat(TestNotices.claimStates()).containsExactly("CLAIMED");
    ledger.release(notice.key(), takeover.claimedAt());
    assertThat(TestNotices.claimStates()).isEmpty();
  }

  /** The notice's key claimed by an attempt that never finished, {@code ago}. */
  private static void claimedAgo(Notice notice, Duration ago) {
    TestNotices.ledger().claim(notice, Channel.EMAIL, "ada@example.com", ABANDONED_AFTER);
    TestNotices.jdbc()
        .update(
            "UPDATE notification SET claimed_at = claimed_at - ? * interval '1 millisecond'"
                + " WHERE notice_key = ?",
            ago.toMillis(),
            notice.key());
  }

  @Test
  void givenAListOfAddressesAsTheCustomersEmail_whenEmailed_itShouldRefuseAndSendNothing() {
    PaymentDetails two = payment(customer("ada@example.com, eve@example.com", null), 1000, "usd");

    assertThatThrownBy(
            () -> notifications.sendEmail(notice("notice:email", NoticeKind.NOTICE, two)))
        .isInstanceOf(MailException.class);
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(TestNotices.claimStates()).isEmpty();
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
    RenderedEmail rendered = TestNotices.renderer().email(kind, adaOwesTenDollars());
    return rendered.subject() + "\n" + rendered.text();
  }

  /** Ada owes ten dollars, and Stripe charges again on 8 December 2026. */
  private static PaymentDetails adaOwesTenDollarsWithANextAttempt() {
    return with(
        adaOwesTenDollars(),
        Instant.parse("2026-12-08T12:00:00Z"),
        Map.of(NoticeRenderer.PAY_BY, "2026-12-20T12:00:00Z"));
  }

  private static PaymentDetails withLocale(PaymentDetails payment, String locale) {
    return with(payment, payment.nextPaymentAttempt(), Map.of(IntakeDetails.LOCALE, locale));
  }

  /** The same payment with another next attempt and metadata. */
  private static PaymentDetails with(
      PaymentDetails payment, Instant nextAttempt, Map<String, String> metadata) {
    return new PaymentDetails(
        payment.provider(),
        payment.invoiceId(),
        payment.status(),
        payment.amountDue(),
        payment.currency(),
        payment.attemptCount(),
        nextAttempt,
        payment.payUrl(),
        payment.customer(),
        payment.subscriptionId(),
        payment.planId(),
        payment.packageName(),
        payment.paymentIntentId(),
        payment.paymentMethodId(),
        payment.failureCode(),
        payment.declineCode(),
        payment.requiresAuthentication(),
        metadata);
  }

  /** The amounts, links and full dates a reader finds in a text. */
  private static Set<String> amountsLinksAndDates(String text) {
    Matcher found =
        Pattern.compile("\\$[0-9.,]+|https://\\S+?(?=[\\s\"<]|$)|[A-Z][a-z]+ [0-9]{1,2}, [0-9]{4}")
            .matcher(text);
    Set<String> all = new TreeSet<>();
    while (found.find()) {
      all.add(found.group());
    }
    return all;
  }
}
