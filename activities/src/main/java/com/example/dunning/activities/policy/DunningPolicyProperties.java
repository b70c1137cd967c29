package com.example.dunning.activities.policy;

import com.example.dunning.workflows.policy.DunningStep;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dunning policy as configured under {@code dunning.policy}: the default schedule, overrides
 * per plan (price id) or package, and the customer's quiet hours.
 *
 * @param plans overrides keyed by the provider's plan or price id
 * @param quietHoursStart null, or equal to the end, for no quiet hours
 */
@ConfigurationProperties("dunning.policy")
public record DunningPolicyProperties(
    String version,
    List<DunningStep> steps,
    Duration restoreWindow,
    Map<String, PlanPolicy> plans,
    LocalTime quietHoursStart,
    LocalTime quietHoursEnd) {

  public record PlanPolicy(String version, List<DunningStep> steps, Duration restoreWindow) {}
}
