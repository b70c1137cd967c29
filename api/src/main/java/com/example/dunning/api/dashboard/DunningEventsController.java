package com.example.dunning.api.dashboard;

import com.example.dunning.api.events.EventRedeliveries;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The redeliver button of the dunning page's events panel: the event's finished deliveries go out
 * again, as {@code POST /api/v1/events/{id}/redeliver} does (a {@code resolve} action, as every
 * POST under a dunning's page).
 */
@Controller
class DunningEventsController {

  private final EventRedeliveries.Redeliver redeliveries;

  DunningEventsController(EventRedeliveries.Redeliver redeliveries) {
    this.redeliveries = redeliveries;
  }

  @PostMapping("/dashboard/dunnings/{id}/redeliver")
  String redeliver(
      @PathVariable String id, @RequestParam String event, RedirectAttributes redirect) {
    String done =
        switch (redeliveries.redeliver(event)) {
          case QUEUED -> "Redeliver: event " + event + " goes out again, under the same id.";
          case PENDING_ALREADY -> "Redeliver: event " + event + " is being delivered already.";
          case NO_SUCH_EVENT -> "Redeliver: there is no event " + event + ".";
        };
    redirect.addFlashAttribute("done", done);
    return "redirect:/dashboard/dunnings/{id}";
  }
}
