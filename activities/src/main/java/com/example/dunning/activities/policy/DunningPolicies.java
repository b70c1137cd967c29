package com.example.dunning.activities.policy;

import com.example.dunning.workflows.policy.DunningPolicy;
import com.example.dunning.workflows.policy.DunningSettings;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.QuietHours;
import com.example.dunning.workflows.policy.StepAction;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Chooses the policy a new dunning follows. Policies are checked when the worker starts, so a
 * schedule that cannot work (no steps, no expiry at the end, a negative delay) stops the start-up
 * instead of a dunning.
 */
@Component
@EnableConfigurationProperties(DunningPolicyProperties.class)
public class DunningPolicies {

  /** Providers whose adapters cannot charge: see the payment package's adapters. */
  private static final Set<String> COLLECTING_ITSELF = Set.of("elasticpath", "frontpayment");

  private final DunningPolicy defaultPolicy;
  private final Map<String, DunningPolicy> byPlan = new HashMap<>();
  private final QuietHours quietHours;
  private final boolean stripeSmartRetries;
  private final boolean customerConversation;

  /** With the switch {@code dunning.conversation.enabled} off. */
  public DunningPolicies(DunningPolicyProperties properties, boolean stripeSmartRetries) {
    this(properties, stripeSmartRetries, false);
  }

  /**
   * @param customerConversation {@code dunning.conversation.enabled}: each new dunning asks the
   *     customer's coordinator before its notices, for its whole life
   */
  @Autowired
  public DunningPolicies(
      DunningPolicyProperties properties,
      @Value("${dunning.stripe.smart-retries:true}") boolean stripeSmartRetries,
      @Value("${dunning.conversation.enabled:false}") boolean customerConversation) {
    Duration restoreWindow = orDefault(properties.restoreWindow(), Duration.ofDays(30));
    this.defaultPolicy =
        checked(
            "default", new DunningPolicy(properties.version(), properties.steps(), restoreWindow));
    if (properties.plans() != null) {
      properties
          .plans()
          .forEach(
              (plan, override) ->
                  byPlan.put(
                      plan,
                      checked(
                          "plan " + plan,
                          new DunningPolicy(
                              orDefault(override.version(), properties.version() + "-" + plan),
                              override.steps(),
                              orDefault(override.restoreWindow(), restoreWindow)))));
    }
    boolean hasQuietHours =
        properties.quietHoursStart() != null && properties.quietHoursEnd() != null;
    this.quietHours =
        hasQuietHours
            ? new QuietHours(properties.quietHoursStart(), properties.quietHoursEnd())
            : null;
    this.stripeSmartRetries = stripeSmartRetries;
    this.customerConversation = customerConversation;
  }

  /**
   * The settings a new dunning keeps for its whole life.
   *
   * @param planId the plan or price id of the failed invoice's subscription, may be null
   */
  public DunningSettings settingsFor(String provider, String planId) {
    DunningPolicy policy =
        planId == null ? defaultPolicy : byPlan.getOrDefault(planId, defaultPolicy);
    return new DunningSettings(policy, providerRetries(provider), quietHours, customerConversation);
  }

  /**
   * Stripe retries by itself when Smart Retries are on. Elastic Path and Frontpayment collect by
   * themselves and their adapters only read, so the dunning follows them; any other provider leaves
   * the retries to the dunning.
   */
  private boolean providerRetries(String provider) {
    return COLLECTING_ITSELF.contains(provider)
        || ("stripe".equals(provider) && stripeSmartRetries);
  }

  private static DunningPolicy checked(String which, DunningPolicy policy) {
    List<DunningStep> steps = policy.steps();
    if (policy.version() == null || policy.version().isBlank()) {
      throw new IllegalStateException("dunning.policy: the " + which + " policy needs a version");
    }
    if (steps == null || steps.isEmpty()) {
      throw new IllegalStateException("dunning.policy: the " + which + " policy has no steps");
    }
    Set<String> names = new HashSet<>();
    for (DunningStep step : steps) {
      if (step.name() == null || !names.add(step.name())) {
        throw new IllegalStateException(
            "dunning.policy: the " + which + " policy needs unique step names: " + step.name());
      }
      if (step.delay() == null || step.delay().isNegative()) {
        throw new IllegalStateException(
            "dunning.policy: step " + step.name() + " needs a delay of zero or more");
      }
      if (step.actions() == null || step.notice() == null) {
        throw new IllegalStateException(
            "dunning.policy: step " + step.name() + " needs actions and a notice");
      }
    }
    if (!steps.get(steps.size() - 1).does(StepAction.EXPIRE_PACKAGE)) {
      throw new IllegalStateException(
          "dunning.policy: the last step of the " + which + " policy must expire the package");
    }
    return policy;
  }

  private static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
