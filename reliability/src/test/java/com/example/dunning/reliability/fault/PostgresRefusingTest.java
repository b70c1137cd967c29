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
 * PostgreSQL refuses every connection to the worker's database ({@code ALLOW_CONNECTIONS false},
 * open sessions terminated) while a step comes due: the step's charge reaches Stripe but cannot be
 * recorded, so it is retried under its idempotency key; once the database is back the dunning
 * completes with its records whole and nothing twice.
 */
class PostgresRefusingTest {

  @Test
  void givenPostgresRefusingConnectionsAcrossADueStep_whenItAllowsThemAgain_recordsShouldBeWhole()
      throws Exception {
    FaultStack stack = FaultStack.shared();
    String invoice = "in_faults_postgres";
    String dunning = stack.openDunning(invoice);
    // The first step is done and logged: the dunning waits for the next one.
    await().until(() -> stack.logLines(dunning) >= FaultStack.FIRST_STEP_LOG_LINES);
    assertThat(stack.logLines(dunning))
        .as("the first step logged, the next (3 s later) not yet begun")
        .isEqualTo(FaultStack.FIRST_STEP_LOG_LINES);

    stack.refuseDatabase();
    int mailBefore = stack.smtp.to(ProviderApis.emailOf(invoice)).size();
    try {
      // The charge of step retry-1 reached Stripe, its record failed, and it was charged again
      // under the same key.
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> stack.providers.chargeKeys(invoice).size() >= 2);
    } finally {
      stack.allowDatabase();
    }
    assertThat(stack.providers.chargeKeys(invoice)).containsOnly(invoice(dunning, 1));
    assertThat(mailBefore).isEqualTo(1);

    DunningAudit audit =
        DunningAudit.of(stack, invoice, stack.awaitResult(dunning, Duration.ofMinutes(2)));
    System.out.println(audit);
    audit.assertWholeAndOnce();
    RecordedHistories.keep(stack.client, dunning, "faults-postgres-refusing");
    new ScenarioReport(
            "faults-postgres-refusing",
            "1 whole dunning (5 steps 3 s apart)",
            "PostgreSQL refusing the worker's database (ALLOW_CONNECTIONS false, sessions"
                + " terminated) across a due step, then allowed again",
            audit.counted(),
            "EXPIRED; the step's charge retried under its key until recorded; records whole;"
                + " nothing twice")
        .publish();
  }

  private static String invoice(String dunning, int charge) {
    return dunning + ":charge:" + charge;
  }
}
