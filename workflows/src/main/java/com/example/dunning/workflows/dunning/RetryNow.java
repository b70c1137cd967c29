package com.example.dunning.workflows.dunning;

/** Charge the invoice once more, now, outside the schedule (also after a hard decline). */
public record RetryNow(String by) {}
