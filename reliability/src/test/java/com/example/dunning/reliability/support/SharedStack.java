package com.example.dunning.reliability.support;

import com.example.dunning.api.security.ApiTokens;

/**
 * One stack for the suite's test classes (starting one costs most of a minute on two cores),
 * stopped when the test JVM exits. Besides the dev stack's own token (both scopes) the API knows a
 * read-only token, {@link #READ_ONLY_TOKEN}.
 */
public final class SharedStack {

  public static final String READ_ONLY_TOKEN = "reliability_read_only_token";

  private static ReliabilityStack stack;

  private SharedStack() {}

  public static synchronized ReliabilityStack get() throws Exception {
    if (stack == null) {
      stack =
          ReliabilityStack.start(
              "storm",
              "--dunning.api.tokens[1].name=auditor",
              "--dunning.api.tokens[1].sha256=" + ApiTokens.sha256Hex(READ_ONLY_TOKEN),
              "--dunning.api.tokens[1].scopes=read");
      ReliabilityStack started = stack;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "reliability-stack-stop"));
    }
    return stack;
  }
}
