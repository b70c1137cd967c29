package com.example.dunning.activities.events;

import java.util.Arrays;
import java.util.Optional;

/** What an outbound event reports; receivers filter on {@link #wireName()}, which stays stable. */
public enum EventType {
  STARTED("dunning.started"),
  NOTICE_SENT("dunning.notice_sent"),
  CHARGE_RETRIED("dunning.charge_retried"),
  PAUSED("dunning.paused"),
  RESUMED("dunning.resumed"),
  PACKAGE_EXPIRED("dunning.package_expired"),
  PACKAGE_RESTORED("dunning.package_restored"),
  RECOVERED("dunning.recovered"),
  CANCELLED("dunning.cancelled"),
  EXPIRED("dunning.expired");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The envelope's {@code type}, e.g. {@code dunning.package_expired}. */
  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
