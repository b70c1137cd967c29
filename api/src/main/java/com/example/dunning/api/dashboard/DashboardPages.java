package com.example.dunning.api.dashboard;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the dashboard shows in its header: who is signed in. */
@ControllerAdvice(
    assignableTypes = {
      OverviewController.class,
      DunningTableController.class,
      DunningCaseController.class,
      CustomerPageController.class
    })
class DashboardPages {

  @ModelAttribute("viewer")
  Viewer viewer(Authentication authentication) {
    return Viewer.of(authentication);
  }
}
