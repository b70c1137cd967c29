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
 * The worker loses its connection to Temporal (the test server keeps its state in memory, so a
 * restart of it would lose every workflow): its connections are reset and new ones refused while a
 * step comes due. Once the link is back, the worker reconnects and the dunning completes, once.
 */
class TemporalLinkCutTest {

  @Test
  void givenTheWorkerCutOffFromTemporalAcrossADueStep_whenTheLinkIsBack_itShouldCompleteOnce()
      throws Exception {
    FaultStack stack = FaultStack.shared();
    String invoice = "in_faults_temporal";
    String email = ProviderApis.emailOf(invoice);
    String dunning = stack.openDunning(invoice);
    await().until(() -> stack.logLines(dunning) >= FaultStack.FIRST_STEP_LOG_LINES);
    assertThat(stack.logLines(dunning))
        .as("the first step logged, the next (3 s later) not yet begun")
        .isEqualTo(FaultStack.FIRST_STEP_LOG_LINES);

    long firedBefore = stack.timersFired(dunning);
    int resetBefore = stack.temporalLink.reset();
    stack.temporalLink.cut();
    int acceptedAtCut = stack.temporalLink.accepted();
    // Step retry-1 comes due at the server while no worker can reach it.
    await().until(() -> stack.timersFired(dunning) > firedBefore);
    assertThat(stack.smtp.to(email)).as("nothing ran while cut off").hasSize(1);
    stack.temporalLink.restore();
    int reset = stack.temporalLink.reset() - resetBefore;

    DunningAudit audit =
        DunningAudit.of(stack, invoice, stack.awaitResult(dunning, Duration.ofMinutes(2)));
    System.out.println(audit);
    audit.assertWholeAndOnce();
    assertThat(stack.temporalLink.accepted())
        .as("the worker reconnected")
        .isGreaterThan(acceptedAtCut);
    RecordedHistories.keep(stack.client, dunning, "faults-temporal-link-cut");
    new ScenarioReport(
            "faults-temporal-link-cut",
            "1 whole dunning (5 steps 3 s apart)",
            "worker's link to Temporal cut ("
                + reset
                + " sockets reset, new connections refused) until a step came due, then restored",
            audit.counted(),
            "EXPIRED; the worker reconnected and ran the step late, once; nothing twice")
        .publish();
  }
}
