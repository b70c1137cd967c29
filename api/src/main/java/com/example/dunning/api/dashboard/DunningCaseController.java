package com.example.dunning.api.dashboard;

import com.example.dunning.api.dunnings.DunningActions;
import com.example.dunning.api.dunnings.DunningEndedException;
import com.example.dunning.api.dunnings.DunningLookup;
import com.example.dunning.api.dunnings.DunningNotFoundException;
import com.example.dunning.api.dunnings.DunningRecordQueries;
import com.example.dunning.api.dunnings.InvalidRequestException;
import com.example.dunning.api.dunnings.LiveState;
import com.example.dunning.workflows.dunning.CancelDunning;
import com.example.dunning.workflows.dunning.DunningState;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PauseDunning;
import com.example.dunning.workflows.dunning.ResumeDunning;
import com.example.dunning.workflows.dunning.RetryNow;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One dunning: its record, its live state from the workflow's {@code state} query, its timeline
 * from the log, and the operator's actions, sent as the API sends them ({@link DunningActions}). An
 * action that worked goes back to the page with what it did; one refused shows the page with the
 * refusal and the HTTP status the API would answer (409 for an ended dunning).
 */
@Controller
class DunningCaseController {

  private static final Logger log = LoggerFactory.getLogger(DunningCaseController.class);

  private final DunningLookup lookup;
  private final DunningRecordQueries records;
  private final DunningActions actions;
  private final TemporalViews temporal;
  private final TemporalUiLink temporalUi;
  private final SentNotices sentNotices;

  DunningCaseController(
      DunningLookup lookup,
      DunningRecordQueries records,
      DunningActions actions,
      TemporalViews temporal,
      TemporalUiLink temporalUi,
      SentNotices sentNotices) {
    this.lookup = lookup;
    this.records = records;
    this.actions = actions;
    this.temporal = temporal;
    this.temporalUi = temporalUi;
    this.sentNotices = sentNotices;
  }

  @GetMapping("/dashboard/dunnings/{id}")
  String dunning(@PathVariable String id, Model model, HttpServletResponse response) {
    try {
      return show(lookup.dunningId(id), model);
    } catch (DunningNotFoundException | InvalidRequestException e) {
      return missing(id, e, model, response);
    }
  }

  @PostMapping("/dashboard/dunnings/{id}/{action}")
  String act(
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam(required = false) String until,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String reason,
      Authentication caller,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    String dunningId;
    try {
      dunningId = lookup.dunningId(id);
    } catch (DunningNotFoundException | InvalidRequestException e) {
      return missing(id, e, model, response);
    }
    String who = caller.getName();
    try {
      DunningActions.Outcome outcome =
          switch (action) {
            case "pause" ->
                actions.act(
                    dunningId, DunningWorkflow.OPERATOR_PAUSE, new PauseDunning(until(until), who));
            case "resume" ->
                actions.act(dunningId, DunningWorkflow.OPERATOR_RESUME, new ResumeDunning(who));
            case "retry-now" ->
                actions.act(dunningId, DunningWorkflow.OPERATOR_RETRY_NOW, new RetryNow(who));
            case "mark-paid" ->
                actions.act(
                    dunningId, DunningWorkflow.OPERATOR_MARK_PAID, new MarkPaid(who, blank(note)));
            case "cancel" ->
                actions.act(
                    dunningId,
                    DunningWorkflow.OPERATOR_CANCEL,
                    new CancelDunning(blank(reason), who));
            default -> throw new InvalidRequestException("no such action: " + action);
          };
      redirect.addFlashAttribute("done", done(action, outcome));
      return "redirect:/dashboard/dunnings/{id}";
    } catch (DunningEndedException e) {
      return refused(dunningId, HttpServletResponse.SC_CONFLICT, e.getMessage(), model, response);
    } catch (InvalidRequestException e) {
      return refused(
          dunningId, HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), model, response);
    } catch (WorkflowException | StatusRuntimeException e) {
      log.warn("Temporal did not answer a dashboard action", e);
      return refused(
          dunningId,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "the dunning service is unavailable, retry later",
          model,
          response);
    }
  }

  private String show(String dunningId, Model model) {
    model.addAttribute("dunningId", dunningId);
    model.addAttribute("record", records.byDunningId(dunningId).orElse(null));
    model.addAttribute("log", records.log(dunningId));
    model.addAttribute("sentNotices", sentNotices.of(dunningId));
    try {
      DunningState state = actions.state(dunningId);
      model.addAttribute("live", LiveState.of(state));
    } catch (WorkflowException | StatusRuntimeException e) {
      log.warn("Temporal did not answer the state of {}", dunningId, e);
      model.addAttribute("liveUnavailable", true);
    }
    model.addAttribute("temporalUi", temporalUi.forWorkflow(dunningId));
    try {
      model.addAttribute("temporal", temporal.of(dunningId));
    } catch (WorkflowNotFoundException gone) {
      // Nothing to show: the live state above already says Temporal no longer has it.
    } catch (WorkflowException | StatusRuntimeException e) {
      log.warn("Temporal did not answer the history of {}", dunningId, e);
      model.addAttribute("temporalUnavailable", true);
    }
    return "dashboard/dunning";
  }

  private String refused(
      String dunningId, int status, String message, Model model, HttpServletResponse response) {
    response.setStatus(status);
    model.addAttribute("refusal", message);
    model.addAttribute("refusalStatus", status);
    return show(dunningId, model);
  }

  private static String missing(
      String id, RuntimeException e, Model model, HttpServletResponse response) {
    boolean notFound = e instanceof DunningNotFoundException;
    response.setStatus(
        notFound ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("id", id);
    model.addAttribute("error", e.getMessage());
    return "dashboard/missing";
  }

  /** What the page says after an action the workflow accepted. */
  private static String done(String action, DunningActions.Outcome outcome) {
    String what = action.replace('-', ' ');
    String first = what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1);
    if (!outcome.done() || outcome.state() == null) {
      return first
          + ": accepted; the dunning is busy with a step and acts on it when that is done.";
    }
    return first + ": done; the dunning is now " + outcome.state().status() + ".";
  }

  /**
   * The form's {@code datetime-local} value ({@code 2026-12-24T09:00}) read in UTC, or an instant;
   * empty is until resumed.
   */
  private static Instant until(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant until;
    try {
      until = Instant.parse(value.strip());
    } catch (DateTimeParseException notAnInstant) {
      try {
        until = LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notATime) {
        throw new InvalidRequestException("pause until: '" + value + "' is no date and time");
      }
    }
    return DunningActions.pauseEnd(until);
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
