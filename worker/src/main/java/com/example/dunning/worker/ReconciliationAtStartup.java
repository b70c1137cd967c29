package com.example.dunning.worker;

import com.example.dunning.activities.reconciliation.ReconciliationProperties;
import com.example.dunning.workflows.client.ReconciliationStart;
import com.example.dunning.workflows.reconciliation.ReconciliationWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Starts the reconciliation workflow unless it runs already: every worker asks, the first start
 * wins and the others reach the same workflow.
 */
@Component
class ReconciliationAtStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ReconciliationAtStartup.class);

  private final WorkflowClient client;
  private final ReconciliationProperties properties;

  ReconciliationAtStartup(WorkflowClient client, ReconciliationProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled()) {
      log.info("Reconciliation is off (dunning.reconcile.enabled=false)");
      return;
    }
    WorkflowExecution running = ReconciliationStart.ensureRunning(client);
    log.info(
        "Reconciliation {} runs (run {}): a sweep every {}, invoices of the last {}",
        ReconciliationWorkflow.WORKFLOW_ID,
        running.getRunId(),
        properties.every(),
        properties.lookback());
  }
}
