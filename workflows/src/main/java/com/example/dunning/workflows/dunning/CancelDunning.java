package com.example.dunning.workflows.dunning;

/** Stop the dunning without recovering the invoice: nothing more is sent, nothing expires. */
public record CancelDunning(String reason, String by) {}
