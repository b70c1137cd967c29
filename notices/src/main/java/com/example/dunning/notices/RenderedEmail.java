package com.example.dunning.notices;

/**
 * A notice's email ready to send: both parts say the same, the text for clients that show no HTML.
 *
 * @param languageTag the BCP 47 tag it was written and formatted for, e.g. {@code nb-NO}
 */
public record RenderedEmail(String subject, String text, String html, String languageTag) {}
