package com.example.dunning.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.activities.policy.DunningPolicies;
import com.example.dunning.activities.policy.DunningPolicyProperties;
import com.example.dunning.workflows.policy.DunningPolicy;
import com.example.dunning.workflows.policy.DunningSettings;
import com.example.dunning.workflows.policy.DunningStep;
import com.example.dunning.workflows.policy.StepAction;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The schedules shipped in dunning-worker.yml bind and pass the checks the worker starts with. */
class ConfiguredPolicyTest {

  @Test
  void givenTheShippedConfiguration_whenBound_itShouldGiveTheDocumentedFifteenDaySchedule()
      throws IOException {
    DunningSettings settings = policies("dunning-worker.yml").settingsFor("stripe", null);
    DunningPolicy policy = settings.policy();

    assertThat(policy.version()).isEqualTo("default-v1");
    assertThat(policy.steps())
        .extracting(DunningStep::name)
        .containsExactly("notice", "retry-1", "retry-2", "final-warning", "expire");
    assertThat(total(policy)).isEqualTo(Duration.ofDays(15));
    assertThat(policy.steps().get(4).actions()).contains(StepAction.EXPIRE_PACKAGE);
    assertThat(policy.restoreWindow()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.quietHours().start()).isEqualTo(LocalTime.of(21, 0));
    assertThat(settings.providerRetries()).isTrue();
  }

  @Test
  void givenTheDemoProfile_whenBound_itShouldRunAWholeDunningInAboutAMinute() throws IOException {
    DunningSettings settings =
        policies("dunning-worker.yml", "dunning-worker-demo.yml").settingsFor("stripe", null);

    assertThat(settings.policy().version()).isEqualTo("demo-v1");
    assertThat(total(settings.policy())).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(90));
    assertThat(settings.quietHours()).isNull();
  }

  private static Duration total(DunningPolicy policy) {
    return policy.steps().stream().map(DunningStep::delay).reduce(Duration.ZERO, Duration::plus);
  }

  /** Binds the files as Spring would, the later ones overriding the earlier. */
  private static DunningPolicies policies(String... files) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    List<PropertySource<?>> sources = new ArrayList<>();
    for (String file : files) {
      sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
    }
    for (PropertySource<?> source : sources) {
      environment.getPropertySources().addFirst(source);
    }
    Binder binder =
        new Binder(ConfigurationPropertySources.get(environment), null, null, null, null);
    DunningPolicyProperties properties =
        binder.bind("dunning.policy", DunningPolicyProperties.class).get();
    return new DunningPolicies(properties, true);
  }
}
