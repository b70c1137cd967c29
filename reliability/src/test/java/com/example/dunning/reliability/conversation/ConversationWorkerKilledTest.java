package com.example.dunning.reliability.conversation;

import static com.example.dunning.reliability.support.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.reliability.conversation.ConversationNotices.Outcome;
import com.example.dunning.reliability.support.FaultStack;
import com.example.dunning.reliability.support.ProviderApis;
import com.example.dunning.reliability.support.ScenarioReport;
import com.example.dunning.reliability.support.SmtpCatcher;
import com.example.dunning.workflows.conversation.ConversationIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worker killed (SIGKILL) while the customer's coordinator sends a merged message: three
 * dunnings of one customer, on a fault stack of the test's own whose worker has {@code
 * dunning.conversation.enabled} ({@code dunning-worker-conversation-faults.yml} on top of the
 * faults profile), hand over their first email; the coordinator holds the message 5 s, claims its
 * key and connects to SMTP, which hangs (the link held). The kill lands there; the link is restored
 * and a new worker process started. The message's activity, retried once its attempt timed out,
 * finds the claim older than the longest SMTP send and takes it over: the merged message arrives
 * once (by Message-ID, every caught message counted), its key is SENT, and each carried dunning's
 * log has one {@code EMAIL SENT} line naming it, sent after an interrupted attempt.
 */
class ConversationWorkerKilledTest {

  private static final String CUSTOMER = "cus_conv_kill";
  private static final List<String> INVOICES =
      List.of("in_conv_kill_1", "in_conv_kill_2", "in_conv_kill_3");

  @Test
  void givenTheWorkerKilledWhileTheCoordinatorSends_theMergedMessageShouldArriveOnce()
      throws Exception {
    try (FaultStack stack =
        FaultStack.startOwn(List.of("--spring.profiles.active=conversation-faults"))) {
      String coordinator = ConversationIds.workflowId("stripe", CUSTOMER);
      stack.smtpLink.hold();
      List<String> dunnings = new ArrayList<>();
      for (String invoice : INVOICES) {
        dunnings.add(stack.openDunning(invoice, CUSTOMER));
      }
      // The message's key is claimed and its SMTP connection hangs: within the mail read timeout
      // (8 s in the faults profile), kill.
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> stack.smtpLink.heldConnections() > 0);
      stack.killWorker();
      ConversationNotices ledger = new ConversationNotices(stack.database);
      List<String> claimed =
          stack.database.queryForList(
              "SELECT notice_key FROM notification WHERE notice_key LIKE ? AND state = 'CLAIMED'",
              String.class,
              coordinator + ":message:%");
      assertThat(claimed).as("the message key claimed at the kill, not sent").hasSize(1);
      String messageKey = claimed.get(0);
      stack.smtpLink.restore();
      stack.startWorker();

      List<String> noticeKeys = dunnings.stream().map(d -> d + ":notice:email").toList();
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> noticeKeys.stream().allMatch(key -> ledger.of(key).sentTitle() != null));
      // Anything sent twice would have arrived by now: the message's activity has completed.
      List<SmtpCatcher.Caught> mails = stack.smtp.to(ProviderApis.emailOf(CUSTOMER));
      List<Outcome> outcomes = noticeKeys.stream().map(ledger::of).toList();
      System.out.println("merged message " + messageKey + ": " + mails + "; " + outcomes);

      assertThat(stack.smtp.all()).as("every message the SMTP server took").hasSize(1);
      assertThat(mails)
          .as("the merged message at the SMTP server, by Message-ID")
          .extracting(SmtpCatcher.Caught::messageId)
          .containsExactly(ConversationNotices.messageId(messageKey));
      assertThat(ledger.messages(coordinator, "EMAIL"))
          .as("the coordinator's messages in notification")
          .containsExactly(java.util.Map.entry(messageKey, "SENT"));
      List<Integer> sentLines = new ArrayList<>();
      for (String dunning : dunnings) {
        sentLines.add(
            stack.database.queryForObject(
                "SELECT count(*) FROM dunning_log WHERE dunning_id = ? AND title = 'EMAIL SENT'",
                Integer.class,
                dunning));
      }
      assertThat(sentLines).as("EMAIL SENT lines per carried dunning").containsOnly(1);
      assertThat(outcomes)
          .as("each dunning's first email: in the merged message, listing all three")
          .allMatch(Outcome::inSentMessage)
          .allMatch(o -> messageKey.equals(o.messageKey()))
          .allMatch(o -> o.sentNote().contains("one message for 3 invoices"))
          .allMatch(o -> o.sentNote().endsWith("sent after an interrupted attempt"));
      assertThat(stack.workersStarted()).as("worker processes").isEqualTo(2);

      new ScenarioReport(
              "conversation-worker-killed",
              "3 dunnings of one customer (first step: one email), their first emails merged by"
                  + " the coordinator (switch on, hold 5 s), worker in a child JVM",
              "SMTP link held, worker SIGKILLed while the coordinator's send hung after claiming"
                  + " the message key; link restored, a new worker process started",
              "mails at SMTP %d (Message-ID %s), message keys in notification %d, SENT; EMAIL SENT lines %s per dunning, all naming the message, sent after an interrupted attempt"
                  .formatted(
                      mails.size(),
                      mails.get(0).messageId(),
                      ledger.messages(coordinator, "EMAIL").size(),
                      sentLines),
              "pass: the new worker took the claim over once it was older than the longest SMTP"
                  + " send and sent the merged message once, listing the 3 invoices")
          .publish();
    }
  }
}
