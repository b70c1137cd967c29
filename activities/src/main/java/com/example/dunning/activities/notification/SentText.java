package com.example.dunning.activities.notification;

/**
 * What a notice said, kept with its key so the dashboard shows what the customer received.
 *
 * @param subject null for an SMS
 * @param body the email's text part, or the SMS
 * @param languageTag the locale it was written in, e.g. {@code nb-NO}
 */
public record SentText(String subject, String body, String languageTag) {}
