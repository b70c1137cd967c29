package com.example.dunning.api.customers;

import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The errors of {@code /api/v1/customers} as RFC 9457 problem details, as the dunnings' are: 400,
 * 404 for a customer without dunnings, 409 when customer conversations are off, 503 when Temporal
 * does not answer.
 */
@RestControllerAdvice(assignableTypes = CustomersController.class)
class CustomerProblems {

  private static final Logger log = LoggerFactory.getLogger(CustomerProblems.class);

  @ExceptionHandler(CustomerProblem.class)
  ProblemDetail refused(CustomerProblem e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.kind().status(), e.getMessage());
    problem.setTitle(e.kind().title());
    return problem;
  }

  @ExceptionHandler({WorkflowServiceException.class, StatusRuntimeException.class})
  ProblemDetail temporalUnavailable(RuntimeException e) {
    log.warn("Temporal did not answer a customer call", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "the dunning service is unavailable, retry later");
    problem.setTitle("Temporal unavailable");
    return problem;
  }
}
