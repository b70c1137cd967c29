package com.example.dunning.api.dashboard;

import com.example.dunning.api.customers.CustomerActionSender;
import com.example.dunning.api.customers.CustomerProblem;
import com.example.dunning.api.customers.CustomerViews;
import com.example.dunning.workflows.model.CustomerActionKind;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
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
 * One customer of one provider: their open and ended dunnings, what they were sent and what the
 * coordinator defers ({@link CustomerViews}, as {@code GET /api/v1/customers/{provider}/{id}}), and
 * the actions for all their open dunnings, sent as the API sends them. Each form carries a request
 * id made when the page was shown, so a form sent twice is one action.
 */
@Controller
class CustomerPageController {

  private static final Logger log = LoggerFactory.getLogger(CustomerPageController.class);

  private final CustomerViews customers;
  private final CustomerActionSender actions;

  CustomerPageController(CustomerViews customers, CustomerActionSender actions) {
    this.customers = customers;
    this.actions = actions;
  }

  @GetMapping("/dashboard/customers/{provider}/{id}")
  String customer(
      @PathVariable String provider,
      @PathVariable String id,
      Model model,
      HttpServletResponse response) {
    try {
      return show(provider, id, model);
    } catch (CustomerProblem e) {
      return missing(provider + "/" + id, e, model, response);
    }
  }

  @PostMapping("/dashboard/customers/{provider}/{id}/{action}")
  String act(
      @PathVariable String provider,
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam(required = false) String requestId,
      @RequestParam(required = false) String paymentMethodId,
      Authentication caller,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      CustomerActionKind kind =
          switch (action) {
            case "retry" -> CustomerActionKind.RETRY_NOW;
            case "payment-method-updated" -> CustomerActionKind.PAYMENT_METHOD_UPDATED;
            default -> throw new CustomerProblem(CustomerProblem.Kind.INVALID, "no such action");
          };
      CustomerActionSender.Outcome outcome =
          actions.act(
              provider,
              id,
              kind,
              requestId,
              caller.getName(),
              paymentMethodId == null || paymentMethodId.isBlank()
                  ? null
                  : paymentMethodId.strip());
      redirect.addFlashAttribute("done", done(outcome));
      return "redirect:/dashboard/customers/{provider}/{id}";
    } catch (CustomerProblem e) {
      if (e.kind() == CustomerProblem.Kind.UNKNOWN_CUSTOMER
          || e.kind() == CustomerProblem.Kind.UNKNOWN_PROVIDER) {
        return missing(provider + "/" + id, e, model, response);
      }
      return refused(provider, id, e.kind().status().value(), e.getMessage(), model, response);
    } catch (WorkflowException | StatusRuntimeException e) {
      log.warn("Temporal did not answer a customer action", e);
      return refused(
          provider,
          id,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "the dunning service is unavailable, retry later",
          model,
          response);
    }
  }

  private String show(String provider, String id, Model model) {
    model.addAttribute("customer", customers.of(provider, id));
    model.addAttribute("conversationsOn", customers.conversationsOn());
    model.addAttribute("requestId", UUID.randomUUID().toString());
    return "dashboard/customer";
  }

  private String refused(
      String provider,
      String id,
      int status,
      String message,
      Model model,
      HttpServletResponse response) {
    response.setStatus(status);
    model.addAttribute("refusal", message);
    model.addAttribute("refusalStatus", status);
    return show(provider, id, model);
  }

  private static String missing(
      String what, CustomerProblem e, Model model, HttpServletResponse response) {
    response.setStatus(e.kind().status().value());
    model.addAttribute("id", what);
    model.addAttribute("error", e.getMessage());
    model.addAttribute("missingTitle", "No such customer");
    return "dashboard/missing";
  }

  /** What the page says after an action the coordinator accepted. */
  private static String done(CustomerActionSender.Outcome outcome) {
    if (!outcome.done()) {
      return "Accepted: the customer's coordinator is still at it; reload to see the dunnings act.";
    }
    int reached = outcome.result().dunnings().size();
    return "Done: "
        + outcome.result().kind()
        + " sent to "
        + reached
        + (reached == 1 ? " open dunning" : " open dunnings")
        + ", each once.";
  }
}
