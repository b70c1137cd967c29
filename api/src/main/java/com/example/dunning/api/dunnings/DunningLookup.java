package com.example.dunning.api.dunnings;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds the dunning a path names: its dunning id ({@code dunning-stripe-in_123}, the workflow id),
 * or its invoice id ({@code in_123}, looked up in the records).
 */
@Component
public class DunningLookup {

  private static final String PREFIX = "dunning-";

  private final DunningRecordQueries records;
  private final WorkflowClient client;

  DunningLookup(DunningRecordQueries records, WorkflowClient client) {
    this.records = records;
    this.client = client;
  }

  /**
   * @return the dunning id
   * @throws DunningNotFoundException when there is none
   */
  public String dunningId(String id) {
    if (id.startsWith(PREFIX)) {
      if (records.byDunningId(id).isPresent() || existsInTemporal(id)) {
        return id;
      }
    }
    List<DunningSummary> byInvoice = records.byInvoiceId(id);
    if (byInvoice.size() > 1) {
      throw new InvalidRequestException(
          "invoice id '"
              + id
              + "' is in dunning at "
              + byInvoice.size()
              + " providers: name the dunning by its id ("
              + String.join(", ", byInvoice.stream().map(DunningSummary::dunningId).toList())
              + ")");
    }
    if (byInvoice.isEmpty()) {
      throw new DunningNotFoundException(id);
    }
    return byInvoice.get(0).dunningId();
  }

  boolean existsInTemporal(String dunningId) {
    try {
      client.newUntypedWorkflowStub(dunningId).describe();
      return true;
    } catch (WorkflowNotFoundException e) {
      return false;
    }
  }
}
