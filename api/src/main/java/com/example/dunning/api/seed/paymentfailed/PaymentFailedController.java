package com.example.dunning.api.seed.paymentfailed;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/ActionService/GetInvoicePaymentFailed} (seed 000): a user's failed invoices,
 * filtered by {@link StatusId}, in JSON or XML as the {@code Accept} header asks (JSON when it
 * names neither). The request comes as JSON, XML or a form.
 */
@RestController
class PaymentFailedController {

  static final String PATH = "/api/ActionService/GetInvoicePaymentFailed";

  private static final String TEXT_JSON = "text/json";

  private final FailedPayments failedPayments;

  PaymentFailedController(FailedPayments failedPayments) {
    this.failedPayments = failedPayments;
  }

  @PostMapping(
      path = PATH,
      consumes = {
        MediaType.APPLICATION_JSON_VALUE,
        TEXT_JSON,
        MediaType.APPLICATION_XML_VALUE,
        MediaType.TEXT_XML_VALUE
      },
      produces = {
        MediaType.APPLICATION_JSON_VALUE,
        TEXT_JSON,
        MediaType.APPLICATION_XML_VALUE,
        MediaType.TEXT_XML_VALUE
      })
  PaymentIntentFailedResponse fromBody(@RequestBody PaymentIntentStatusRequest request) {
    return answer(request);
  }

  @PostMapping(
      path = PATH,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = {
        MediaType.APPLICATION_JSON_VALUE,
        TEXT_JSON,
        MediaType.APPLICATION_XML_VALUE,
        MediaType.TEXT_XML_VALUE
      })
  PaymentIntentFailedResponse fromForm(@RequestParam MultiValueMap<String, String> form) {
    return answer(
        new PaymentIntentStatusRequest(formNumber(form, "UserId"), formNumber(form, "StatusId")));
  }

  @ExceptionHandler(InvalidStatusRequest.class)
  ResponseEntity<HttpError> invalid(InvalidStatusRequest e) {
    return ResponseEntity.badRequest().body(HttpError.invalidRequest(e.getMessage()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<HttpError> unreadable(HttpMessageNotReadableException e) {
    String detail =
        e.getMessage() != null && e.getMessage().startsWith("malformed")
            ? e.getMessage()
            : "the request body is missing or is not a PaymentIntentStatusRequest";
    return ResponseEntity.badRequest().body(HttpError.invalidRequest(detail));
  }

  private PaymentIntentFailedResponse answer(PaymentIntentStatusRequest request) {
    long userId = request.requiredUserId();
    StatusId statusId = StatusId.ofRequest(request.statusId());
    return PaymentIntentFailedResponse.success(failedPayments.of(userId, statusId));
  }

  /** A form field by name in any case, as ASP.NET binds it; null when absent or empty. */
  private static Long formNumber(MultiValueMap<String, String> form, String name) {
    String value =
        form.entrySet().stream()
            .filter(field -> field.getKey().equalsIgnoreCase(name))
            .flatMap(field -> field.getValue().stream())
            .findFirst()
            .orElse(null);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidStatusRequest(name + " must be a whole number, not '" + value + "'");
    }
  }
}
