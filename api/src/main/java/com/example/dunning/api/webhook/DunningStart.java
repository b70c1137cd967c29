package com.example.dunning.api.webhook;

import com.example.dunning.workflows.model.DunningRequest;
import io.temporal.common.SearchAttributes;

/** Everything needed to open the dunning of one invoice, should no workflow exist for it yet. */
public record DunningStart(
    String workflowId, DunningRequest request, SearchAttributes searchAttributes, String summary) {}
