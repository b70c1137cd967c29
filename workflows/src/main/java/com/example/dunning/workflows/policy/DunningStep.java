package com.example.dunning.workflows.policy;

import java.time.Duration;
import java.util.Set;

/**
 * One step of a dunning policy.
 *
 * @param delay the time after the previous step (after the failure, for the first step)
 * @param notice which message EMAIL and SMS send
 */
public record DunningStep(String name, Duration delay, Set<StepAction> actions, NoticeKind notice) {

  public boolean does(StepAction action) {
    return actions.contains(action);
  }
}
