package com.example.dunning.api.reconciliation;

import com.example.dunning.workflows.activities.ReconciliationActivities.SweepSummary;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reconciliation sweeps, newest first. */
@RestController
class ReconciliationController {

  static final int MAX_LIMIT = 500;

  private final ReconciliationHistory history;

  ReconciliationController(ReconciliationHistory history) {
    this.history = history;
  }

  @GetMapping("/api/v1/reconciliations")
  List<SweepSummary> reconciliations(@RequestParam(defaultValue = "50") int limit) {
    return history.latest(Math.max(1, Math.min(limit, MAX_LIMIT)));
  }
}
