package com.example.dunning.workflows.conversation;

import java.time.Instant;

/**
 * A notice the coordinator has given a moment to send.
 *
 * @param key the notice's key, {@code <dunning id>:<step>:<channel>}
 * @param askedAt when the dunning asked
 * @param sendAt when it may go out
 * @param deferredBy the cap that moved it later ({@link MessageCap#describe()}), or null
 */
public record ReservedNotice(
    String key,
    String dunningId,
    Channel channel,
    Instant askedAt,
    Instant sendAt,
    String deferredBy) {

  public boolean deferred() {
    return deferredBy != null;
  }
}
