package com.example.dunning.workflows.policy;

/** The customer-facing messages, each with its own email and SMS template. */
public enum NoticeKind {
  NOTICE,
  REMINDER,
  FINAL_WARNING,
  EXPIRED,
  RECOVERED,
  AUTHENTICATION_REQUIRED
}
