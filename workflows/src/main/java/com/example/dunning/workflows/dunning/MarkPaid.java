package com.example.dunning.workflows.dunning;

/**
 * The invoice was paid: by the provider's webhook ({@code by = "stripe"}) or by hand.
 *
 * @param note what an operator wants kept with the record, e.g. {@code paid by bank transfer}
 */
public record MarkPaid(String by, String note) {}
