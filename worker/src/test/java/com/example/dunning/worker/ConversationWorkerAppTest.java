package com.example.dunning.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.Patience;
import com.example.dunning.activities.TestPostgres;
import com.example.dunning.activities.notification.NoticeMailer;
import com.example.dunning.workflows.client.ConversationStart;
import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.CustomerAction;
import com.example.dunning.workflows.conversation.NoticeRequest;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.model.CustomerActionKind;
import com.example.dunning.workflows.model.CustomerActionResult;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole worker application, as shipped but with {@code dunning.conversation.enabled=true}, on
 * Temporal's test server and PostgreSQL: the starter's workers and the switch's registration
 * together run a coordinator and its action.
 */
@SpringBootTest(
    classes = DunningWorkerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      DunningWorkerApplication.CONFIG_NAME,
      "spring.temporal.test-server.enabled=true",
      "dunning.reconcile.enabled=false",
      "dunning.stripe.api-key=sk_test_not_called",
      ConversationWorker.SWITCH + "=true"
    })
class ConversationWorkerAppTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestPostgres::jdbcUrl);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  @Autowired private WorkflowClient client;

  @Autowired private NoticeMailer mailer;

  /** Not the conversation's: the shipped YAML's mail settings, checked in an app already up. */
  @Test
  void givenTheShippedMailSettings_theWorkerShouldReuseSmtpConnectionsAndCountTheWait() {
    assertThat(mailer.reusesConnections()).isTrue();
    // 5 s to connect, 10 s to read, 10 s to write, and up to 5 s waiting for a free connection.
    assertThat(mailer.longestSend()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void givenTheSwitchOn_theWorkerAppShouldRunTheCoordinatorAndItsAction() {
    // First the bounded call: without the coordinator registered it times out and fails.
    CustomerActionResult acted =
        ConversationStart.customerAction(
                client,
                "stripe",
                "cus_app",
                new CustomerAction("req-app", CustomerActionKind.RETRY_NOW, "alice", null))
            .getResult(Patience.WAIT.toSeconds(), TimeUnit.SECONDS);

    NoticeSlot slot =
        ConversationStart.reserveNotice(
            client,
            "stripe",
            "cus_app",
            new NoticeRequest(
                "dunning-stripe-in_app",
                "dunning-stripe-in_app:notice:email",
                Channel.EMAIL,
                null,
                null));
    assertThat(slot.deferredBy()).isNull();
    assertThat(acted.actionKey()).isEqualTo("dunning-customer-stripe-cus_app:action:req-app");
    assertThat(acted.dunnings()).isEmpty();
  }
}
