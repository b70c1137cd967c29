package com.example.dunning.workflows.activities;

import com.example.dunning.workflows.model.DunningEvent;
import com.example.dunning.workflows.model.DunningRequest;
import com.example.dunning.workflows.model.DunningResult;
import com.example.dunning.workflows.model.LogEntry;
import com.example.dunning.workflows.model.PaymentDetails;
import com.example.dunning.workflows.policy.DunningSettings;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * The dunning's record in PostgreSQL, which the API lists and the business reads. Every write is
 * keyed, so a retried activity records nothing twice.
 */
@ActivityInterface
public interface DunningRecordActivities {

  /** Records the failed invoice and its first failed payment, and returns the settings it keeps. */
  DunningSettings openDunning(OpenDunning open);

  void recordEvent(DunningEvent event);

  /** Records the events in order, in one transaction: one call for what a burst of signals did. */
  void recordEvents(List<DunningEvent> events);

  void closeDunning(CloseDunning close);

  record OpenDunning(String dunningId, DunningRequest request, PaymentDetails payment) {}

  record CloseDunning(String dunningId, DunningResult result, LogEntry entry) {}
}
