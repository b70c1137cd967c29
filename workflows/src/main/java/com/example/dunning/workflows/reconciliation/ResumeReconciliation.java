package com.example.dunning.workflows.reconciliation;

public record ResumeReconciliation(String by) {}
