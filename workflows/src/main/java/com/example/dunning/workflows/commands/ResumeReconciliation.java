package com.example.dunning.workflows.commands;

public record ResumeReconciliation(String by) {}
