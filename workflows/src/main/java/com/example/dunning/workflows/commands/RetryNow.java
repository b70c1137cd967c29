package com.example.dunning.workflows.commands;

/** Charge the invoice once more, now, outside the schedule (also after a hard decline). */
public record RetryNow(String by) {}
