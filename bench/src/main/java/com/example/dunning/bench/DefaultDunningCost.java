package com.example.dunning.bench;

import com.example.dunning.activities.conversation.ConversationReservations;
import com.example.dunning.activities.policy.DunningPolicies;
import com.example.dunning.activities.policy.DunningPolicyProperties;
import com.example.dunning.workflows.conversation.ConversationActivities;
import com.example.dunning.workflows.conversation.ConversationIds;
import com.example.dunning.workflows.conversation.CustomerConversationWorkflowImpl;
import com.example.dunning.workflows.conversation.CustomerMessage;
import com.example.dunning.workflows.conversation.MessageActivities;
import com.example.dunning.workflows.conversation.MessageDelivery;
import com.example.dunning.workflows.conversation.MessageNotice;
import com.example.dunning.workflows.conversation.NoticeSlot;
import com.example.dunning.workflows.dunning.DunningIds;
import com.example.dunning.workflows.dunning.DunningSearchAttributes;
import com.example.dunning.workflows.dunning.DunningWorkflow;
import com.example.dunning.workflows.dunning.DunningWorkflowImpl;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.DunningStatus;
import com.example.dunning.workflows.policy.DunningSettings;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Runs one whole dunning under the policy shipped in dunning-worker.yml, from the webhook's
 * signal-with-start to the end of the restore window, with a customer who never pays, on Temporal's
 * time-skipping test server, and counts what its history would cost.
 */
public final class DefaultDunningCost {

  private DefaultDunningCost() {}

  /**
   * @param providerRetries Stripe's Smart Retries on (the shipped default): the workflow charges
   *     nothing; off: it retries the charge at three steps
   */
  public static HistoryCost measure(boolean providerRetries) {
    return measure(providerRetries, new StandInActivities(shippedSettings(providerRetries)));
  }

  /**
   * @param activities the implementations of every activity interface of a dunning
   */
  static HistoryCost measure(boolean providerRetries, Object... activities) {
    return run(providerRetries, false, activities).dunning();
  }

  /**
   * With {@code dunning.conversation.enabled}: the dunning hands its reminders to its customer's
   * coordinator, which sends them (the customer's only dunning).
   */
  public static ConversingCost measureConversing(boolean providerRetries) {
    DunningSettings shipped = shippedSettings(providerRetries);
    DunningSettings conversing =
        new DunningSettings(
            shipped.policy(), shipped.providerRetries(), shipped.quietHours(), true);
    return run(providerRetries, true, new StandInActivities(conversing));
  }

  /** What a dunning costs, and what its customer's coordinator costs (null when not asked). */
  public record ConversingCost(HistoryCost dunning, HistoryCost coordinator) {}

  private static ConversingCost run(
      boolean providerRetries, boolean conversing, Object... activities) {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      DunningSearchAttributes.ALL.forEach(
          key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
      Worker worker = env.newWorker(DunningIds.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(DunningWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
      Set<String> coordinatorRuns = new LinkedHashSet<>();
      if (conversing) {
        worker.registerWorkflowImplementationTypes(CustomerConversationWorkflowImpl.class);
        worker.registerActivitiesImplementations(
            new RunsNoted(
                new ConversationReservations(env.getWorkflowClient()),
                env.getWorkflowClient(),
                coordinatorRuns),
            new MessagesSent());
      }
      env.start();
      String invoice = "in_cost_" + providerRetries;
      String workflowId = DunningIds.workflowId("stripe", invoice);
      DunningRequest request =
          new DunningRequest(
              "stripe", invoice, "cus_bench", "jenny@example.com", 1999, "usd", 1, Instant.now());
      // As the webhook starts it: search attributes at start, the first failure as the signal.
      WorkflowOptions options =
          WorkflowOptions.newBuilder()
              .setWorkflowId(workflowId)
              .setTaskQueue(DunningIds.TASK_QUEUE)
              .setWorkflowIdReusePolicy(
                  WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
              .setTypedSearchAttributes(
                  SearchAttributes.newBuilder()
                      .set(DunningSearchAttributes.STATUS, DunningStatus.ACTIVE.name())
                      .set(DunningSearchAttributes.PROVIDER, "stripe")
                      .set(DunningSearchAttributes.INVOICE_ID, invoice)
                      .set(DunningSearchAttributes.AMOUNT_DUE, 1999L)
                      .set(DunningSearchAttributes.CUSTOMER_ID, "cus_bench")
                      .set(DunningSearchAttributes.CUSTOMER_EMAIL, "jenny@example.com")
                      .build())
              .build();
      WorkflowClient client = env.getWorkflowClient();
      WorkflowStub dunning = client.newUntypedWorkflowStub(DunningWorkflow.TYPE, options);
      dunning.signalWithStart(
          "paymentFailed",
          new Object[] {new PaymentFailed(1, null, "card_declined", "insufficient_funds", null)},
          new Object[] {request});
      DunningResult result = dunning.getResult(DunningResult.class);
      if (result.outcome() != DunningStatus.EXPIRED) {
        throw new IllegalStateException("the default dunning ended " + result.outcome());
      }
      HistoryCost dunningCost = HistoryCost.of(client.fetchHistory(workflowId).getEvents());
      if (!conversing) {
        return new ConversingCost(dunningCost, null);
      }
      return new ConversingCost(dunningCost, coordinatorCost(client, coordinatorRuns));
    }
  }

  /**
   * Every run of the coordinator the dunning asked: one that ended idle is started again by the
   * next ask, and each may have continued as new.
   */
  private static HistoryCost coordinatorCost(WorkflowClient client, Set<String> asked) {
    String coordinatorId = ConversationIds.workflowId("stripe", "cus_bench");
    Set<String> counted = new HashSet<>();
    List<HistoryEvent> events = new ArrayList<>();
    for (String runId : asked) {
      String run = runId;
      while (!run.isEmpty() && counted.add(run)) {
        WorkflowExecutionHistory history = client.fetchHistory(coordinatorId, run);
        events.addAll(history.getEvents());
        run =
            history
                .getEvents()
                .get(0)
                .getWorkflowExecutionStartedEventAttributes()
                .getContinuedExecutionRunId();
      }
    }
    return HistoryCost.of(events);
  }

  /** The real activity, noting which run of the coordinator answered each ask. */
  private record RunsNoted(
      ConversationActivities reservations, WorkflowClient client, Set<String> runs)
      implements ConversationActivities {

    @Override
    public NoticeSlot reserveNotice(NoticeReservation reservation) {
      NoticeSlot slot = reservations.reserveNotice(reservation);
      String coordinatorId =
          ConversationIds.workflowId(reservation.provider(), reservation.customerId());
      runs.add(client.newUntypedWorkflowStub(coordinatorId).describe().getExecution().getRunId());
      return slot;
    }
  }

  /** The coordinator's send, as it answers when every invoice it carries is open. */
  private static final class MessagesSent implements MessageActivities {
    @Override
    public MessageDelivery sendMessage(CustomerMessage message) {
      List<String> listed =
          message.notices().stream().map(MessageNotice::dunningId).distinct().toList();
      return new MessageDelivery(true, "jenny@example.com", listed, null);
    }
  }

  /** The settings a Stripe dunning gets from the shipped dunning-worker.yml. */
  static DunningSettings shippedSettings(boolean providerRetries) {
    return shippedPolicies(providerRetries).settingsFor("stripe", null);
  }

  /** The policies of the shipped dunning-worker.yml. */
  static DunningPolicies shippedPolicies(boolean providerRetries) {
    try {
      StandardEnvironment environment = new StandardEnvironment();
      for (PropertySource<?> source :
          new YamlPropertySourceLoader()
              .load("dunning-worker.yml", new ClassPathResource("dunning-worker.yml"))) {
        environment.getPropertySources().addFirst(source);
      }
      Binder binder =
          new Binder(ConfigurationPropertySources.get(environment), null, null, null, null);
      DunningPolicyProperties properties =
          binder.bind("dunning.policy", DunningPolicyProperties.class).get();
      return new DunningPolicies(properties, providerRetries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
