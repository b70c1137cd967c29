package com.example.dunning.workflows.conversation;

/** How a notice reaches the customer; each channel has caps of its own. */
public enum Channel {
  EMAIL,
  SMS
}
