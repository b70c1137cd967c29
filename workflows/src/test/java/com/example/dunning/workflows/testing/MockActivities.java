package com.example.dunning.workflows.testing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/** Mocked activities for a test worker, in this module's test-jar. */
public final class MockActivities {

  private MockActivities() {}

  /**
   * A mock of an activity interface. Without the interface's annotations: a mock that copies
   * {@code @ActivityInterface} onto its own class is refused by the worker's registration.
   */
  public static <T> T mockActivities(Class<T> type) {
    return mock(type, withSettings().withoutAnnotations());
  }
}
