package com.example.dunning.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.api.ApiTestContext;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With the Temporal UI configured, the dunning page links to the UI's page of its workflow. */
@TestPropertySource(properties = "dunning.temporal.ui-url=http://temporal-ui.example:8233/")
class TemporalUiLinkPageTest extends ApiTestContext {

  @Test
  void givenTheTemporalUi_whenADunningIsShown_itShouldLinkToItsWorkflowThere() {
    String invoice = IntakeDunnings.open(alice, "ui-link");

    String page = reporting.get("/dashboard/dunnings/" + invoice).body();

    assertThat(page)
        .contains(
            "id=\"temporal-ui\" href=\"http://temporal-ui.example:8233/namespaces/default/workflows/dunning-elasticpath-"
                + invoice
                + "\"");
  }
}
