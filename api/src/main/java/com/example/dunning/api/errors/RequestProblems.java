package com.example.dunning.api.errors;

import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What any endpoint answers, as an RFC 9457 problem, when the request does not fit it at all: a
 * content type it does not read (415), an {@code Accept} it cannot answer (406), a method it does
 * not serve (405), a parameter of the wrong type (400). Without it these fell through to Spring's
 * error page, which names the status but not what was wrong (or, for {@code Accept: text/html}, is
 * an HTML page). Endpoints with their own error format handle their errors first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestProblems {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupportedType(HttpMediaTypeNotSupportedException e) {
    String detail =
        "Content-Type "
            + (e.getContentType() == null ? "missing" : "'" + e.getContentType() + "'")
            + " is not read here; send "
            + types(e.getSupportedMediaTypes());
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", detail);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    String detail =
        "none of the types the Accept header asks for can be answered here; this endpoint answers "
            + types(e.getSupportedMediaTypes());
    return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", detail);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    String allowed =
        e.getSupportedHttpMethods() == null
            ? ""
            : e.getSupportedHttpMethods().stream()
                .map(Object::toString)
                .collect(Collectors.joining(", "));
    ResponseEntity<ProblemDetail> answer =
        problem(
            HttpStatus.METHOD_NOT_ALLOWED,
            "Method not allowed",
            e.getMethod() + " is not served here" + (allowed.isEmpty() ? "" : "; use " + allowed));
    return ResponseEntity.status(answer.getStatusCode())
        .headers(answer.getHeaders())
        .header(HttpHeaders.ALLOW, allowed)
        .body(answer.getBody());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
    String expected =
        e.getRequiredType() == null
            ? "a value of another type"
            : e.getRequiredType().getSimpleName();
    if (expected.equals("int") || expected.equals("long") || expected.equals("Integer")) {
      expected = "a whole number";
    }
    String detail = e.getName() + ": '" + e.getValue() + "' is not " + expected;
    return problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
  }

  private static String types(java.util.List<MediaType> types) {
    return types.isEmpty()
        ? "another"
        : types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
