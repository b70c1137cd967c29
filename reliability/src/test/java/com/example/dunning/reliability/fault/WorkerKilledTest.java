package com.example.dunning.reliability.fault;

import static com.example.dunning.reliability.support.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.reliability.support.DunningAudit;
import com.example.dunning.reliability.support.FaultStack;
import com.example.dunning.reliability.support.ProviderApis;
import com.example.dunning.reliability.support.RecordedHistories;
import com.example.dunning.reliability.support.ScenarioReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The worker process killed with SIGKILL while three dunnings are inside an activity, then a new
 * worker process started. One is charging at Stripe in its second step, one reading its invoice
 * there before its third: both complete whole, the charge made again under its idempotency key
 * (which Stripe answers with the first result), nothing else twice. The third is sending its first
 * email (the SMTP server hangs): the kill hits the window between claiming the notice's key and
 * marking it sent, and the new worker, once that claim is older than the longest an SMTP send can
 * last (the faults profile's timeouts), takes it over and sends the email: it arrives exactly once
 * (the hung attempt never got past the greeting), logged as sent after an interrupted attempt.
 */
class WorkerKilledTest {

  @Test
  void givenTheWorkerKilledInsideActivities_whenANewWorkerStarts_theDunningsShouldCompleteOnce()
      throws Exception {
    FaultStack stack = FaultStack.shared();
    String charging = "in_faults_kill_charge";
    String reading = "in_faults_kill_read";
    String mailing = "in_faults_kill_mail";
    ProviderApis.Stall charge = stack.providers.stallNextCharge(charging);
    String chargingDunning = stack.openDunning(charging);
    String readingDunning = stack.openDunning(reading);
    await().until(() -> stack.smtp.to(ProviderApis.emailOf(reading)).size() >= 2);
    assertThat(stack.smtp.to(ProviderApis.emailOf(reading)))
        .as("two notices arrived, the next step's read (3 s later) not yet stalled")
        .hasSize(2);
    ProviderApis.Stall read = stack.providers.stallNextRead(reading);
    assertThat(read.awaitReached(60)).as("the read before step retry-2 came in").isTrue();
    assertThat(charge.awaitReached(60)).as("the charge of step retry-1 came in").isTrue();
    stack.smtpLink.hold();
    int heldBefore = stack.smtpLink.heldConnections();
    String mailingDunning = stack.openDunning(mailing);
    // The first email's key is claimed and its SMTP connection hangs: within the mail read timeout
    // (8 s in the faults profile), kill.
    await()
        .pollInterval(Duration.ofMillis(20))
        .until(() -> stack.smtpLink.heldConnections() > heldBefore);
    stack.killWorker();
    stack.smtpLink.restore();
    read.release();
    charge.release();
    stack.startWorker();

    DunningAudit whole =
        DunningAudit.of(stack, reading, stack.awaitResult(readingDunning, Duration.ofMinutes(2)));
    DunningAudit charged =
        DunningAudit.of(stack, charging, stack.awaitResult(chargingDunning, Duration.ofMinutes(2)));
    DunningAudit mailed =
        DunningAudit.of(stack, mailing, stack.awaitResult(mailingDunning, Duration.ofMinutes(2)));
    System.out.println(charged);
    System.out.println(whole);
    System.out.println(mailed);
    whole.assertWholeAndOnce();
    charged.assertWholeAndOnce();
    assertThat(charged.charges())
        .as("the charge in flight at the kill made again, under its key")
        .hasSize(DunningAudit.CHARGES + 1)
        .containsOnlyOnce(chargingDunning + ":charge:2", chargingDunning + ":charge:3");
    // Every message the SMTP server took, by its Message-ID, not deduplicated: exactly once each.
    mailed.assertWholeAndOnce();
    assertThat(mailed.noticesNotSent()).as("notices left claimed").isZero();
    String firstEmail =
        stack.database.queryForObject(
            "SELECT note FROM dunning_log WHERE record_key = ?",
            String.class,
            mailingDunning + ":notice:email");
    assertThat(firstEmail)
        .as("the email in flight at the kill, taken over by the new worker")
        .endsWith("sent after an interrupted attempt");
    RecordedHistories.keep(stack.client, chargingDunning, "faults-worker-killed-in-charge");
    RecordedHistories.keep(stack.client, readingDunning, "faults-worker-killed-in-provider-read");
    RecordedHistories.keep(
        stack.client, mailingDunning, "faults-worker-killed-in-email-taken-over");
    new ScenarioReport(
            "faults-worker-killed",
            "3 whole dunnings (5 steps 3 s apart), worker in a child JVM",
            "worker SIGKILLed while one dunning charged at Stripe and one read its invoice there"
                + " (both held), and the third sent its first email (SMTP hanging); a new worker"
                + " process started",
            "charge: "
                + charged.counted()
                + "; read: "
                + whole.counted()
                + "; email: "
                + mailed.counted()
                + ", the first taken over",
            "all EXPIRED; the charge and read dunnings whole and once (the charge in flight made"
                + " again under its key); the email in flight at the kill sent by the new worker"
                + " once its claim was older than the longest SMTP send (logged EMAIL SENT, after"
                + " an interrupted attempt), arriving once; the rest once")
        .publish();
  }
}
