package com.example.dunning.workflows.commands;

/** Holds the reconciliation sweeps until resumed. */
public record PauseReconciliation(String by) {}
