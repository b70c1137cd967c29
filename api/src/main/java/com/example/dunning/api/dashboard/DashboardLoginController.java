package com.example.dunning.api.dashboard;

import com.example.dunning.api.security.OidcLogin;
import com.example.dunning.api.security.OidcProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The login form, where a browser hands over an API token once (the security chain checks it) or
 * follows the link to the identity provider when one is configured, and the page shown when a
 * signed-in user may not do what they asked.
 */
@Controller
class DashboardLoginController {

  private final OidcProperties oidc;

  DashboardLoginController(OidcProperties oidc) {
    this.oidc = oidc;
  }

  @GetMapping("/dashboard/login")
  String login(Model model) {
    if (oidc.issuerUri() != null && !oidc.issuerUri().isBlank()) {
      model.addAttribute("providerName", oidc.providerName());
      model.addAttribute("providerSignIn", OidcLogin.SIGN_IN);
    }
    return "dashboard/login";
  }

  /** Forwarded to with status 403 by the security chain; any method. */
  @RequestMapping("/dashboard/forbidden")
  String forbidden() {
    return "dashboard/forbidden";
  }
}
