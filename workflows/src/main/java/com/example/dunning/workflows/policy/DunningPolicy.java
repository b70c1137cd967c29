package com.example.dunning.workflows.policy;

import java.time.Duration;
import java.util.List;

/**
 * The schedule a dunning follows. A dunning keeps the policy it started with: the workflow reads it
 * once, through an activity, so it lives in the workflow's history.
 *
 * @param version names this revision of the policy, e.g. {@code default-v1}
 * @param restoreWindow how long after expiry a late payment still restores the package
 */
public record DunningPolicy(String version, List<DunningStep> steps, Duration restoreWindow) {}
