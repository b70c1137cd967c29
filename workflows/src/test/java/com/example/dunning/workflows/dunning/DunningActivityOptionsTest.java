package com.example.dunning.workflows.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.LocalActivityOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class DunningActivityOptionsTest {

  private static final List<LocalActivityOptions> LOCAL =
      List.of(
          DunningActivityOptions.LOCAL_PROVIDER,
          DunningActivityOptions.LOCAL_NOTIFICATION,
          DunningActivityOptions.LOCAL_RECORD);

  @Test
  void localActivitiesHaveNoScheduleToCloseTimeoutForTheSdkToKeepATaskOfEachUntilItFires() {
    assertThat(LOCAL)
        .allSatisfy(options -> assertThat(options.getScheduleToCloseTimeout()).isNull());
  }

  @Test
  void localActivitiesStillRetryBecauseTheirAttemptsAreBoundedNotUnlimited() {
    // 0 (unlimited) without a schedule-to-close timeout would make the SDK fail at the first error
    assertThat(LOCAL)
        .allSatisfy(
            options ->
                assertThat(options.getRetryOptions().getMaximumAttempts())
                    .isEqualTo(Integer.MAX_VALUE));
  }

  @Test
  void localActivitiesKeepTheirChannelsTimeoutsAndBackOff() {
    assertThat(DunningActivityOptions.LOCAL_RECORD.getStartToCloseTimeout())
        .isEqualTo(DunningActivityOptions.RECORD.getStartToCloseTimeout());
    assertThat(DunningActivityOptions.LOCAL_PROVIDER.getRetryOptions().getMaximumInterval())
        .isEqualTo(DunningActivityOptions.PROVIDER.getRetryOptions().getMaximumInterval());
  }
}
