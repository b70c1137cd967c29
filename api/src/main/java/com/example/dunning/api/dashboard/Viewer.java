package com.example.dunning.api.dashboard;

import com.example.dunning.api.security.ApiScope;
import org.springframework.security.core.Authentication;

/**
 * Who looks at the dashboard: the name of their token and whether it may act ({@code resolve}). The
 * pages show the action buttons only to who may use them; the security chain refuses the actions to
 * everyone else whatever the page showed.
 */
public record Viewer(String name, boolean mayResolve) {

  static Viewer of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return new Viewer(null, false);
    }
    boolean resolve =
        authentication.getAuthorities().stream()
            .anyMatch(authority -> ApiScope.RESOLVE.authority().equals(authority.getAuthority()));
    return new Viewer(authentication.getName(), resolve);
  }
}
