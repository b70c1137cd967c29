package com.example.dunning.workflows.reconciliation;

/** Holds the reconciliation sweeps until resumed. */
public record PauseReconciliation(String by) {}
