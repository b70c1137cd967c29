package com.example.dunning.workflows.reconciliation;

/** Runs a reconciliation sweep now instead of at the next interval (ignored while paused). */
public record SweepNow(String by) {}
