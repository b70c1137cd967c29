package com.example.dunning.activities.notification;

/** A notice's text ready to send; an SMS has no subject. */
record RenderedNotice(String subject, String body) {}
