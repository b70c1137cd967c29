package com.example.dunning.workflows.model;

/**
 * The contact of the customer who owes the invoice.
 *
 * @param timeZone an IANA zone id such as {@code Europe/Oslo}, or null where unknown
 */
public record Customer(String id, String name, String email, String phone, String timeZone) {}
