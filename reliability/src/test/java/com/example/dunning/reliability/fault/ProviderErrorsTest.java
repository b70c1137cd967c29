package com.example.dunning.reliability.fault;

import static com.example.dunning.reliability.support.Patience.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.reliability.support.DunningAudit;
import com.example.dunning.reliability.support.FaultStack;
import com.example.dunning.reliability.support.RecordedHistories;
import com.example.dunning.reliability.support.ScenarioReport;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Stripe answers 500, then 429 with Retry-After, to the reads and charges of one step, then 500 to
 * its charge alone: the step waits, then runs once; every charge is made under one key.
 */
class ProviderErrorsTest {

  @Test
  void givenStripeAnswering500And429_whenItRecovers_theDunningShouldCompleteWithNothingTwice()
      throws Exception {
    FaultStack stack = FaultStack.shared();
    String invoice = "in_faults_provider";
    String dunning = stack.openDunning(invoice);
    await().until(() -> stack.logLines(dunning) >= FaultStack.FIRST_STEP_LOG_LINES);
    assertThat(stack.logLines(dunning))
        .as("the first step logged, the next (3 s later) not yet begun")
        .isEqualTo(FaultStack.FIRST_STEP_LOG_LINES);

    StubMapping down = stack.providers.fail(invoice, "(/pay)?", 500);
    await().until(() -> stack.providers.answered(invoice, "", 500) >= 3);
    stack.providers.remove(down);
    StubMapping limited = stack.providers.fail(invoice, "(/pay)?", 429, "Retry-After", "1");
    await().until(() -> stack.providers.answered(invoice, "", 429) >= 2);
    stack.providers.remove(limited);
    StubMapping chargeDown = stack.providers.fail(invoice, "/pay", 500);
    await().until(() -> stack.providers.answered(invoice, "/pay", 500) >= 1);
    stack.providers.remove(chargeDown);
    int errors500 = stack.providers.answered(invoice, "", 500);
    int errors429 = stack.providers.answered(invoice, "", 429);
    int charge500 = stack.providers.answered(invoice, "/pay", 500);

    DunningAudit audit =
        DunningAudit.of(stack, invoice, stack.awaitResult(dunning, Duration.ofMinutes(2)));
    System.out.println(audit);
    audit.assertWholeAndOnce();
    RecordedHistories.keep(stack.client, dunning, "faults-provider-500-429");
    new ScenarioReport(
            "faults-provider-500-429",
            "1 whole dunning (5 steps 3 s apart)",
            "Stripe answered "
                + errors500
                + "x 500 and "
                + errors429
                + "x 429 (Retry-After: 1) to one step's reads and charges, "
                + charge500
                + " of the 500s to its charge",
            audit.counted(),
            "EXPIRED; the step waited and ran once; every charge under one idempotency key")
        .publish();
  }
}
