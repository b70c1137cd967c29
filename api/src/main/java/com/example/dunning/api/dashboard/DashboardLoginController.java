package com.example.dunning.api.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The login form, where a browser hands over an API token once (the security chain checks it), and
 * the page shown when a signed-in token may not do what it asked.
 */
@Controller
class DashboardLoginController {

  @GetMapping("/dashboard/login")
  String login() {
    return "dashboard/login";
  }

  /** Forwarded to with status 403 by the security chain; any method. */
  @RequestMapping("/dashboard/forbidden")
  String forbidden() {
    return "dashboard/forbidden";
  }
}
