package com.example.dunning.api.dunnings;

import com.example.dunning.api.dunnings.ActionBodies.CancelBody;
import com.example.dunning.api.dunnings.ActionBodies.MarkPaidBody;
import com.example.dunning.api.dunnings.ActionBodies.PauseBody;
import com.example.dunning.workflows.dunning.CancelDunning;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PauseDunning;
import com.example.dunning.workflows.dunning.ResumeDunning;
import com.example.dunning.workflows.dunning.RetryNow;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manual resolution: list and read dunnings, act on one, start one, and the statistics. {@code
 * {id}} is the dunning id ({@code dunning-stripe-in_123}) or the invoice id ({@code in_123}).
 */
@RestController
@RequestMapping(path = "/api/v1/dunnings", produces = "application/json")
class DunningsController {

  static final int MAX_PAGE_SIZE = 200;

  private final DunningRecordQueries records;
  private final DunningStatistics statistics;
  private final DunningLookup lookup;
  private final DunningActions actions;
  private final DunningIntake intake;

  DunningsController(
      DunningRecordQueries records,
      DunningStatistics statistics,
      DunningLookup lookup,
      DunningActions actions,
      DunningIntake intake) {
    this.records = records;
    this.statistics = statistics;
    this.lookup = lookup;
    this.actions = actions;
    this.intake = intake;
  }

  /**
   * Dunnings newest failure first, filtered by status (comma-separated), provider, customer and
   * dates.
   */
  @GetMapping
  DunningPage list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String provider,
      @RequestParam(required = false) String customer,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new InvalidRequestException("page: from 0");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidRequestException("size: from 1 to " + MAX_PAGE_SIZE);
    }
    return records.list(
        DunningFilter.of(DunningFilter.statuses(status), provider, customer, from, to), page, size);
  }

  /**
   * Open, recovered, cancelled and expired dunnings of the invoices that failed in the range (by
   * default the last 30 days), counts and amounts per currency, recovery rate, median time to
   * recovery, recovered amounts per week and recoveries per step of the schedule.
   */
  @GetMapping("/stats")
  DunningStats stats(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    return statistics.over(from, to);
  }

  @GetMapping("/{id}")
  DunningView read(@PathVariable String id) {
    String dunningId = lookup.dunningId(id);
    return view(dunningId, actions.state(dunningId));
  }

  /** Starts the dunning of a failed payment from a provider without webhooks; idempotent. */
  @PostMapping(consumes = "application/json")
  ResponseEntity<IntakeAnswer> start(@RequestBody(required = false) IntakeRequest request) {
    IntakeAnswer answer = intake.start(request);
    if (!answer.created()) {
      return ResponseEntity.ok(answer);
    }
    return ResponseEntity.created(URI.create("/api/v1/dunnings/" + answer.dunningId()))
        .body(answer);
  }

  @PostMapping("/{id}/mark-paid")
  ResponseEntity<DunningView> markPaid(
      @PathVariable String id,
      @RequestBody(required = false) MarkPaidBody body,
      Authentication caller) {
    String note = body == null ? null : body.note();
    return act(id, DunningWorkflow.OPERATOR_MARK_PAID, new MarkPaid(caller.getName(), note));
  }

  @PostMapping("/{id}/cancel")
  ResponseEntity<DunningView> cancel(
      @PathVariable String id,
      @RequestBody(required = false) CancelBody body,
      Authentication caller) {
    String reason = body == null ? null : body.reason();
    return act(id, DunningWorkflow.OPERATOR_CANCEL, new CancelDunning(reason, caller.getName()));
  }

  /** Holds every step until {@code until}, or until resumed when the body has none. */
  @PostMapping("/{id}/pause")
  ResponseEntity<DunningView> pause(
      @PathVariable String id,
      @RequestBody(required = false) PauseBody body,
      Authentication caller) {
    Instant until = DunningActions.pauseEnd(body == null ? null : body.until());
    return act(id, DunningWorkflow.OPERATOR_PAUSE, new PauseDunning(until, caller.getName()));
  }

  @PostMapping("/{id}/resume")
  ResponseEntity<DunningView> resume(@PathVariable String id, Authentication caller) {
    return act(id, DunningWorkflow.OPERATOR_RESUME, new ResumeDunning(caller.getName()));
  }

  /** Charges the invoice once, now; answers after the charge, or at once while paused. */
  @PostMapping("/{id}/retry-now")
  ResponseEntity<DunningView> retryNow(@PathVariable String id, Authentication caller) {
    return act(id, DunningWorkflow.OPERATOR_RETRY_NOW, new RetryNow(caller.getName()));
  }

  /** 200 with the new state; 202 when the dunning accepted it but has yet to act on it. */
  private ResponseEntity<DunningView> act(String id, String update, Object command) {
    String dunningId = lookup.dunningId(id);
    DunningActions.Outcome outcome = actions.act(dunningId, update, command);
    return ResponseEntity.status(outcome.done() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .body(view(dunningId, outcome.state()));
  }

  private DunningView view(String dunningId, DunningState live) {
    return new DunningView(
        records.byDunningId(dunningId).orElse(null), LiveState.of(live), records.log(dunningId));
  }
}
