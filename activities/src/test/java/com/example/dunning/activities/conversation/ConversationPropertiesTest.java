package com.example.dunning.activities.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.dunning.workflows.conversation.Channel;
import com.example.dunning.workflows.conversation.MessageCap;
import com.example.dunning.workflows.conversation.MessageCaps;
import com.example.dunning.workflows.conversation.MessageMerging;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The coordinator's rules as a worker binds them from its configuration. */
class ConversationPropertiesTest {

  @Test
  void givenNothingButTheSwitch_itShouldUseTheDefaultCapsAndMerging() {
    ConversationProperties rules = bind(Map.of("dunning.conversation.enabled", "true"));

    assertThat(rules.messageCaps()).isEqualTo(MessageCaps.defaults());
    assertThat(rules.merging()).isEqualTo(MessageMerging.defaults());
  }

  @Test
  void givenCapsAndAHold_itShouldUseThemInsteadOfTheDefaults() {
    ConversationProperties rules =
        bind(
            Map.of(
                "dunning.conversation.merge-hold", "PT10M",
                "dunning.conversation.caps[0].channel", "EMAIL",
                "dunning.conversation.caps[0].messages", "2",
                "dunning.conversation.caps[0].per", "P1D"));

    assertThat(rules.messageCaps())
        .isEqualTo(new MessageCaps(List.of(new MessageCap(Channel.EMAIL, 2, Duration.ofDays(1)))));
    assertThat(rules.merging())
        .isEqualTo(new MessageMerging(Duration.ofMinutes(10), Duration.ofDays(1)));
  }

  @Test
  void givenACapOfNoMessages_itShouldRefuseToStart() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "dunning.conversation.caps[0].channel", "SMS",
                        "dunning.conversation.caps[0].messages", "0",
                        "dunning.conversation.caps[0].per", "P7D")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("at least 1 message");
  }

  @Test
  void givenANegativeHold_itShouldRefuseToStart() {
    assertThatThrownBy(() -> bind(Map.of("dunning.conversation.merge-hold", "-PT1H")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("zero or more");
  }

  private static ConversationProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("dunning.conversation", ConversationProperties.class);
  }
}
