package com.example.dunning.activities.policy;

import static com.example.dunning.activities.DunningFixtures.defaultSteps;
import static com.example.dunning.activities.DunningFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.activities.policy.DunningPolicyProperties.PlanPolicy;
import com.example.dunning.workflows.policy.DunningSettings;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.QuietHours;
import com.example.dunning.workflows.policy.StepAction;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DunningPoliciesTest {

  @Test
  void givenAPolicyWithNoSteps_whenConstructed_itShouldRefuseIt() {
    assertThatThrownBy(() -> policiesWith(List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("default policy has no steps");
  }

  @Test
  void givenAPolicyWithoutSteps_whenConstructed_itShouldRefuseIt() {
    assertThatThrownBy(() -> policiesWith(null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no steps");
  }

  @Test
  void givenDuplicateStepNames_whenConstructed_itShouldRefuseThemNamingTheStep() {
    List<DunningStep> steps =
        List.of(
            step("remind", Duration.ZERO, StepAction.EMAIL),
            step("remind", Duration.ofDays(2), StepAction.EMAIL),
            step("expire", Duration.ofDays(5), StepAction.EXPIRE_PACKAGE));

    assertThatThrownBy(() -> policiesWith(steps))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unique step names")
        .hasMessageContaining("remind");
  }

  @Test
  void givenANegativeDelay_whenConstructed_itShouldRefuseItNamingTheStep() {
    List<DunningStep> steps =
        List.of(
            step("notice", Duration.ZERO, StepAction.EMAIL),
            step("early", Duration.ofHours(-1), StepAction.EMAIL),
            step("expire", Duration.ofDays(5), StepAction.EXPIRE_PACKAGE));

    assertThatThrownBy(() -> policiesWith(steps))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("step early")
        .hasMessageContaining("delay");
  }

  @Test
  void givenALastStepThatDoesNotExpireThePackage_whenConstructed_itShouldRefuseIt() {
    List<DunningStep> steps =
        List.of(
            step("expire", Duration.ZERO, StepAction.EXPIRE_PACKAGE),
            step("last-word", Duration.ofDays(5), StepAction.EMAIL));

    assertThatThrownBy(() -> policiesWith(steps))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("last step")
        .hasMessageContaining("expire the package");
  }

  @Test
  void givenABadPlanOverride_whenConstructed_itShouldRefuseItNamingThePlan() {
    DunningPolicyProperties properties =
        new DunningPolicyProperties(
            "default-v1",
            defaultSteps(),
            null,
            Map.of(
                "price_gold",
                new PlanPolicy(
                    null, List.of(step("notice", Duration.ZERO, StepAction.EMAIL)), null)),
            null,
            null);

    assertThatThrownBy(() -> new DunningPolicies(properties, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plan price_gold")
        .hasMessageContaining("expire the package");
  }

  @Test
  void givenAPolicyWithoutVersion_whenConstructed_itShouldRefuseIt() {
    DunningPolicyProperties properties =
        new DunningPolicyProperties(" ", defaultSteps(), null, null, null, null);

    assertThatThrownBy(() -> new DunningPolicies(properties, true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs a version");
  }

  @Test
  void givenAPlanOverrideWithoutVersionOrWindow_whenSettingsFor_itShouldDeriveThemFromTheDefault() {
    DunningPolicyProperties properties =
        new DunningPolicyProperties(
            "default-v1",
            defaultSteps(),
            Duration.ofDays(10),
            Map.of(
                "price_gold",
                new PlanPolicy(
                    null,
                    List.of(step("end", Duration.ofDays(1), StepAction.EXPIRE_PACKAGE)),
                    null)),
            LocalTime.of(21, 0),
            LocalTime.of(8, 0));
    DunningPolicies policies = new DunningPolicies(properties, true);

    DunningSettings gold = policies.settingsFor("stripe", "price_gold");
    DunningSettings unknownPlan = policies.settingsFor("stripe", "price_other");
    DunningSettings noPlan = policies.settingsFor("stripe", null);

    assertThat(gold.policy().version()).isEqualTo("default-v1-price_gold");
    assertThat(gold.policy().restoreWindow()).isEqualTo(Duration.ofDays(10));
    assertThat(unknownPlan.policy().version()).isEqualTo("default-v1");
    assertThat(noPlan.policy().version()).isEqualTo("default-v1");
    assertThat(gold.quietHours())
        .isEqualTo(new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)));
  }

  @Test
  void givenNoRestoreWindowOrQuietHours_whenSettingsFor_itShouldUseThirtyDaysAndNoQuietHours() {
    DunningSettings settings = policiesWith(defaultSteps()).settingsFor("stripe", null);

    assertThat(settings.policy().restoreWindow()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.quietHours()).isNull();
  }

  @Test
  void givenStripeSmartRetriesOff_whenSettingsFor_itShouldLeaveRetriesToReadOnlyProvidersOnly() {
    DunningPolicies policies =
        new DunningPolicies(
            new DunningPolicyProperties("default-v1", defaultSteps(), null, null, null, null),
            false);

    assertThat(policies.settingsFor("stripe", null).providerRetries()).isFalse();
    assertThat(policies.settingsFor("elasticpath", null).providerRetries()).isTrue();
    assertThat(policies.settingsFor("frontpayment", null).providerRetries()).isTrue();
    assertThat(policies.settingsFor("paddle", null).providerRetries()).isFalse();
  }

  @Test
  void givenTheConversationSwitch_whenSettingsFor_itShouldTellEachNewDunningToAskTheCoordinator() {
    DunningPolicyProperties properties =
        new DunningPolicyProperties("default-v1", defaultSteps(), null, null, null, null);

    assertThat(new DunningPolicies(properties, true, true).settingsFor("stripe", null))
        .extracting(DunningSettings::customerConversation)
        .isEqualTo(true);
    assertThat(new DunningPolicies(properties, true, false).settingsFor("stripe", null))
        .extracting(DunningSettings::customerConversation)
        .isEqualTo(false);
    assertThat(new DunningPolicies(properties, true).settingsFor("stripe", null))
        .extracting(DunningSettings::customerConversation)
        .isEqualTo(false);
  }

  private static DunningPolicies policiesWith(List<DunningStep> steps) {
    return new DunningPolicies(
        new DunningPolicyProperties("default-v1", steps, null, null, null, null), true);
  }
}
