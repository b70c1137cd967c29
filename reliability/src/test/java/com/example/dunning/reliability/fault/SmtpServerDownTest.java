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
 * The SMTP server stops after the first notice and stays down while the next one comes due: its
 * sends are refused, and once the server is back on the same port the notice arrives, once.
 */
class SmtpServerDownTest {

  @Test
  void givenTheSmtpServerDownAcrossADueNotice_whenItComesBack_theNoticeShouldArriveOnceLater()
      throws Exception {
    FaultStack stack = FaultStack.shared();
    String invoice = "in_faults_smtp";
    String email = ProviderApis.emailOf(invoice);
    String dunning = stack.openDunning(invoice);
    await().until(() -> stack.smtp.to(email).size() >= 1);
    assertThat(stack.smtp.to(email))
        .as("the first notice arrived, the next (3 s later) not yet")
        .hasSize(1);

    stack.smtp.stop();
    int refusedBefore = stack.smtpLink.upstreamRefusals();
    // The reminder of step retry-1 comes due: its sends are refused, twice at least.
    await().until(() -> stack.smtpLink.upstreamRefusals() >= refusedBefore + 2);
    int refused = stack.smtpLink.upstreamRefusals() - refusedBefore;
    assertThat(stack.smtp.to(email)).as("mail while the server is down").hasSize(1);
    stack.smtp.start();

    DunningAudit audit =
        DunningAudit.of(stack, invoice, stack.awaitResult(dunning, Duration.ofMinutes(2)));
    System.out.println(audit);
    audit.assertWholeAndOnce();
    RecordedHistories.keep(stack.client, dunning, "faults-smtp-down");
    new ScenarioReport(
            "faults-smtp-down",
            "1 whole dunning (5 steps 3 s apart)",
            "SMTP server stopped after the first notice, across the next due notice ("
                + refused
                + " sends refused), then started on the same port",
            audit.counted(),
            "EXPIRED; the held notice arrived once after the restart; nothing twice")
        .publish();
  }
}
