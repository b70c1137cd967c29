package com.example.dunning.api.dunnings;

import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The errors of {@code /api/v1/dunnings} as RFC 9457 problem details ({@code
 * application/problem+json}): 400 for a request it will not act on (with {@code errors[]}), 404 for
 * an unknown dunning, 409 for one that has ended, 503 when Temporal cannot be reached.
 */
@RestControllerAdvice(assignableTypes = DunningsController.class)
class DunningProblems extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DunningProblems.class);

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid request");
    problem.setProperty("errors", e.errors());
    return problem;
  }

  @ExceptionHandler(DunningNotFoundException.class)
  ProblemDetail notFound(DunningNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Unknown dunning");
    return problem;
  }

  @ExceptionHandler(DunningEndedException.class)
  ProblemDetail ended(DunningEndedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Dunning has ended");
    problem.setProperty("dunningId", e.dunningId());
    if (e.status() != null) {
      problem.setProperty("dunningStatus", e.status());
    }
    return problem;
  }

  @ExceptionHandler({WorkflowServiceException.class, StatusRuntimeException.class})
  ProblemDetail temporalUnavailable(RuntimeException e) {
    log.warn("Temporal did not answer an API call", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "the dunning service is unavailable, retry later");
    problem.setTitle("Temporal unavailable");
    return problem;
  }

  /** A body that is not JSON, or a field of the wrong type: say which field and why. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail = "the body is not the JSON this endpoint reads";
    if (e.getCause() instanceof JacksonException json) {
      String field = json.getPathReference();
      List<String> names =
          json.getPath().stream()
              .map(JacksonException.Reference::getPropertyName)
              .filter(name -> name != null)
              .toList();
      String why =
          json instanceof InvalidFormatException format
              ? "'" + format.getValue() + "' is not " + typeName(format.getTargetType())
              : firstLine(json.getOriginalMessage());
      detail =
          names.isEmpty()
              ? "malformed JSON: " + why
              : String.join(".", names) + ": " + why + hint(field);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    problem.setProperty("errors", List.of(detail));
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** E.g. "an Instant": the value's type, not the exception's, which tells the caller nothing. */
  private static String typeName(Class<?> type) {
    if (type == null) {
      return "of the expected type";
    }
    String name = type.getSimpleName();
    return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  private static String hint(String path) {
    return path != null && (path.contains("until") || path.contains("failedAt"))
        ? " (expected an ISO-8601 instant such as 2026-12-24T00:00:00Z)"
        : "";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    // Jackson adds where it was in the source, which tells the caller nothing it can use.
    int end = message.length();
    for (String cut : new String[] {"\n", " (start marker", " at [Source"}) {
      int at = message.indexOf(cut);
      end = at < 0 ? end : Math.min(end, at);
    }
    return message.substring(0, end);
  }
}
