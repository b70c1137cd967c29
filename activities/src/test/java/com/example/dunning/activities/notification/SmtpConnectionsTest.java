package com.example.dunning.activities.notification;

import static com.example.dunning.activities.notification.TestNotices.customer;
import static com.example.dunning.activities.notification.TestNotices.notice;
import static com.example.dunning.activities.notification.TestNotices.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.notices.RenderedEmail;
import com.example.dunning.workflows.activities.NotificationActivities.Delivery;
import com.example.dunning.workflows.activities.NotificationActivities.Notice;
import com.example.dunning.workflows.policy.NoticeKind;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;

/**
 * {@code dunning.mail.reuse-connections}: the notices go over SMTP connections kept open, told
 * apart by a relay in front of GreenMail that counts them.
 */
class SmtpConnectionsTest {

  private static final RenderedEmail EMAIL =
      new RenderedEmail("Your payment failed", "Pay here.", "<p>Pay here.</p>", "en");

  private GreenMail smtp;
  private CountingSmtpProxy relay;
  private NoticeMailer mailer;

  @BeforeEach
  void startSmtpBehindARelay() throws Exception {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    relay = new CountingSmtpProxy(smtp.getSmtp().getPort());
  }

  @AfterEach
  void stop() throws Exception {
    if (mailer != null) {
      mailer.destroy();
    }
    relay.close();
    smtp.stop();
  }

  private NoticeMailer reusing(int connections) {
    mailer =
        new NoticeMailer(
            TestNotices.mailSender(relay.port()),
            "billing@example.com",
            TestNotices.renderer().brand(),
            true,
            connections);
    return mailer;
  }

  @Test
  void givenTwentyMails_whenReusingConnections_theyShouldGoOverOneWithTheirOwnMessageIds()
      throws Exception {
    NoticeMailer reusing = reusing(4);

    for (int i = 0; i < 20; i++) {
      reusing.send("ada@example.com", EMAIL, "dunning-1:step-" + i + ":email");
    }

    assertThat(smtp.waitForIncomingEmail(5_000, 20)).isTrue();
    assertThat(relay.opened()).isEqualTo(1);
    assertThat(messageIds())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, 20)
                .mapToObj(i -> "<dunning-1.step-" + i + ".email@dunning>")
                .toList());
  }

  @Test
  void givenTheSwitchOff_whenSendingFiveMails_eachShouldOpenAConnectionOfItsOwn() {
    mailer =
        new NoticeMailer(
            TestNotices.mailSender(relay.port()),
            "billing@example.com",
            TestNotices.renderer().brand(),
            false,
            4);

    for (int i = 0; i < 5; i++) {
      mailer.send("ada@example.com", EMAIL, "dunning-1:step-" + i + ":email");
    }

    assertThat(smtp.waitForIncomingEmail(5_000, 5)).isTrue();
    assertThat(relay.opened()).isEqualTo(5);
    assertThat(mailer.reusesConnections()).isFalse();
  }

  @Test
  void givenTheServerDroppedTheIdleConnection_whenTheNextNoticeIsSent_itShouldReconnectAndSendOnce()
      throws Exception {
    TestNotices.startFromOneFailedInvoice();
    CustomerNotifications notifications =
        new CustomerNotifications(
            TestNotices.ledger(),
            TestNotices.renderer(),
            reusing(4),
            new DisabledSmsSender(),
            Duration.ofSeconds(1));
    Notice first = notice("notice:email", NoticeKind.NOTICE, adaOwesTenDollars());
    Notice second = notice("reminder-1:email", NoticeKind.REMINDER, adaOwesTenDollars());
    assertThat(notifications.sendEmail(first).sent()).isTrue();
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();

    relay.dropAll();
    Delivery delivery = notifications.sendEmail(second);
    Delivery retried = notifications.sendEmail(second);

    assertThat(delivery).isEqualTo(new Delivery(true, "ada@example.com", null));
    assertThat(retried).isEqualTo(new Delivery(true, "ada@example.com", "already sent"));
    assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
    assertThat(messageIds())
        .containsExactly(
            "<dunning-stripe-in_1.notice.email@dunning>",
            "<dunning-stripe-in_1.reminder-1.email@dunning>");
    assertThat(relay.opened()).isEqualTo(2);
    assertThat(TestNotices.claimStates()).containsExactly("SENT", "SENT");
  }

  @Test
  void givenEightSendersAtOnce_whenTwoConnectionsAreAllowed_noMoreThanTwoShouldBeOpen()
      throws Exception {
    NoticeMailer reusing = reusing(2);
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String key = "dunning-" + i + ":notice:email";
        sends.add(senders.submit(() -> reusing.send("ada@example.com", EMAIL, key)));
      }
      for (Future<?> send : sends) {
        send.get(30, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }

    assertThat(smtp.waitForIncomingEmail(5_000, 40)).isTrue();
    assertThat(smtp.getReceivedMessages()).hasSize(40);
    assertThat(relay.mostOpenAtOnce()).isBetween(1, 2);
  }

  @Test
  void givenConnectionsKeptOpen_whenTheMailerShutsDown_itShouldQuitThemAndSendNoMore()
      throws Exception {
    NoticeMailer reusing = reusing(4);
    reusing.send("ada@example.com", EMAIL, "dunning-1:notice:email");
    assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    assertThat(relay.openNow()).isEqualTo(1);

    reusing.destroy();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (relay.openNow() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(relay.openNow()).isZero();
    assertThat(relay.endedWithQuit()).isEqualTo(1);
    assertThatThrownBy(() -> reusing.send("ada@example.com", EMAIL, "dunning-1:late:email"))
        .isInstanceOf(MailException.class);
    assertThat(relay.opened()).isEqualTo(1);
  }

  @Test
  void givenReusedConnections_theLongestSendShouldCountTheWaitForAFreeOne() {
    NoticeMailer perMail = TestNotices.mailer(TestNotices.mailSender(relay.port()));

    // Three 5 s timeouts, and the connection timeout once more for the wait.
    assertThat(perMail.longestSend()).isEqualTo(Duration.ofSeconds(15));
    assertThat(reusing(4).longestSend()).isEqualTo(Duration.ofSeconds(20));
  }

  private List<String> messageIds() {
    return Arrays.stream(smtp.getReceivedMessages())
        .map(
            message -> {
              try {
                return message.getMessageID();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static com.example.dunning.workflows.model.PaymentDetails adaOwesTenDollars() {
    return payment(customer("ada@example.com", null), 1000, "usd");
  }
}
