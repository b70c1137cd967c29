package com.example.dunning.workflows.conversation;

import java.time.Duration;

/** At most {@code messages} notices on {@code channel} to one customer within any {@code per}. */
public record MessageCap(Channel channel, int messages, Duration per) {

  /** How the log names the cap, e.g. {@code 1 EMAIL per 1 day}. */
  public String describe() {
    long days = per.toDays();
    String window =
        per.equals(Duration.ofDays(days)) ? days + (days == 1 ? " day" : " days") : per.toString();
    return messages + " " + channel + " per " + window;
  }
}
