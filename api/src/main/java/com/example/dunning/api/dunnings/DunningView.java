package com.example.dunning.api.dunnings;

import com.example.dunning.workflows.model.LogEntry;
import java.util.List;

/**
 * One dunning: its record, its live state and its recorded steps. What reading one and every action
 * answer.
 *
 * @param record as PostgreSQL has it; null in the moment before the workflow has recorded it
 * @param live from the workflow's {@code state} query; null when Temporal no longer has the
 *     workflow (past its retention) or cannot be reached
 * @param log every recorded step, oldest first ({@code dunning_log})
 */
public record DunningView(DunningSummary record, LiveState live, List<LogEntry> log) {}
