package com.example.dunning.api.dashboard;

import com.example.dunning.api.dunnings.DunningLookup;
import com.example.dunning.api.dunnings.DunningNotFoundException;
import com.example.dunning.api.dunnings.InvalidRequestException;
import com.example.dunning.api.events.EventRecords;
import com.example.dunning.api.events.EventView;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dunning page's outbound events and their deliveries ({@code dashboard/events.html}), kept
 * apart from the page's controller: the page includes the panel, which shows nothing when the
 * dunning sent no events.
 */
@ControllerAdvice(assignableTypes = DunningCaseController.class)
class DunningEventsPanel {

  static final int SHOWN = 200;

  private final DunningLookup lookup;
  private final EventRecords events;

  DunningEventsPanel(DunningLookup lookup, EventRecords events) {
    this.lookup = lookup;
    this.events = events;
  }

  @ModelAttribute("events")
  List<EventView> events(@PathVariable(required = false) String id) {
    if (id == null) {
      return List.of();
    }
    try {
      return events.find(lookup.dunningId(id), null, SHOWN);
    } catch (DunningNotFoundException | InvalidRequestException e) {
      return List.of(); // the page itself says the dunning is missing
    }
  }
}
