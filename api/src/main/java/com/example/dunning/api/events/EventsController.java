package com.example.dunning.api.events;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbound events and their deliveries: listed with the {@code read} scope, redelivered with
 * {@code resolve}.
 */
@RestController
class EventsController {

  static final int MAX_LIMIT = 500;

  private static final List<String> STATES = List.of("pending", "delivered", "failed");

  private final EventRecords records;
  private final EventRedeliveries.Redeliver redeliveries;

  EventsController(EventRecords records, EventRedeliveries.Redeliver redeliveries) {
    this.records = records;
    this.redeliveries = redeliveries;
  }

  @GetMapping("/api/v1/events")
  ResponseEntity<?> events(
      @RequestParam(required = false) String dunning,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit) {
    if (status != null && !STATES.contains(status.toLowerCase(Locale.ROOT))) {
      return problem(HttpStatus.BAD_REQUEST, "status must be one of " + STATES + ": " + status);
    }
    String state = status == null ? null : status.toUpperCase(Locale.ROOT);
    return ResponseEntity.ok(records.find(dunning, state, Math.max(1, Math.min(limit, MAX_LIMIT))));
  }

  @PostMapping("/api/v1/events/{id}/redeliver")
  ResponseEntity<?> redeliver(@PathVariable String id) {
    return switch (redeliveries.redeliver(id)) {
      case QUEUED -> ResponseEntity.accepted().body(Map.of("id", id, "redelivery", "queued"));
      case PENDING_ALREADY ->
          problem(HttpStatus.CONFLICT, "event " + id + " is being delivered already");
      case NO_SUCH_EVENT -> problem(HttpStatus.NOT_FOUND, "no event with id '" + id + "'");
    };
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    return ResponseEntity.status(status).body(problem);
  }
}
