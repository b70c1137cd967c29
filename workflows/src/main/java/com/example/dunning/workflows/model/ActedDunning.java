package com.example.dunning.workflows.model;

/** A dunning a customer-level action reached, and what it has had of it. */
public record ActedDunning(String dunningId, String invoiceId, ActionClaimState state) {}
