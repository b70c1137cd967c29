package com.example.dunning.activities.payment;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says once that a provider refused our credentials, not on every dunning that asks meanwhile, and
 * once that it accepts them again; counts every refusal ({@link CredentialRefusals}).
 */
final class CredentialAlarm {

  private static final Logger log = LoggerFactory.getLogger(CredentialAlarm.class);

  private final String provider;
  private final CredentialRefusals refusals;
  private final AtomicBoolean raised = new AtomicBoolean();

  CredentialAlarm(String provider, CredentialRefusals refusals) {
    this.provider = provider;
    this.refusals = refusals;
  }

  void refused(int status, String detail) {
    refusals.count(provider, status);
    if (raised.compareAndSet(false, true)) {
      log.error(
          "{} refused our credentials ({}): {}. Dunnings billed by {} wait, asking again every"
              + " hour, until the credentials are fixed; this is said once until {} accepts them.",
          provider,
          status,
          detail,
          provider,
          provider);
    }
  }

  void accepted() {
    if (raised.compareAndSet(true, false)) {
      log.info("{} accepts our credentials again", provider);
    }
  }

  boolean isRaised() {
    return raised.get();
  }
}
