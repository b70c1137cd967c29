package com.example.dunning.api.dunnings;

/**
 * What the intake did.
 *
 * @param created true when this request started the dunning; false when one existed already for the
 *     provider and invoice (the request changed nothing)
 * @param state {@code started}, {@code running} (it existed and runs) or {@code ended} (it existed
 *     and has ended: an invoice is dunned once)
 */
public record IntakeAnswer(String dunningId, boolean created, String state) {}
