package com.example.dunning.api.dashboard;

import io.temporal.client.WorkflowClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Temporal UI's page of a workflow, {@code <ui>/namespaces/<ns>/workflows/<workflowId>}, when
 * {@code dunning.temporal.ui-url} names the UI; none otherwise.
 */
@Component
class TemporalUiLink {

  private final String uiUrl;
  private final String namespace;

  TemporalUiLink(@Value("${dunning.temporal.ui-url:}") String uiUrl, WorkflowClient client) {
    this.uiUrl = uiUrl.strip().replaceAll("/+$", "");
    this.namespace = client.getOptions().getNamespace();
  }

  /** The link, or null when no UI is configured. */
  String forWorkflow(String workflowId) {
    if (uiUrl.isEmpty()) {
      return null;
    }
    return UriComponentsBuilder.fromUriString(uiUrl)
        .pathSegment("namespaces", namespace, "workflows", workflowId)
        .encode()
        .toUriString();
  }
}
