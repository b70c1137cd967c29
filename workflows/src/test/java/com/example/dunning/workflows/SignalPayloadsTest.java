package com.example.dunning.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.dunning.workflows.dunning.CancelDunning;
import com.example.dunning.workflows.dunning.MarkPaid;
import com.example.dunning.workflows.dunning.PauseDunning;
import com.example.dunning.workflows.dunning.PaymentFailed;
import com.example.dunning.workflows.dunning.PaymentMethodUpdated;
import com.example.dunning.workflows.dunning.RetryNow;
import com.example.dunning.workflows.model.AuthenticationRequired;
import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The signal payloads docs/operations.md documents, as an operator types them in the Temporal UI or
 * CLI, read by the SDK's default converter into the workflow's commands.
 */
class SignalPayloadsTest {

  private final DataConverter converter = DefaultDataConverter.newDefaultInstance();

  @Test
  void givenTheDocumentedPauseJson_itShouldReadTheInstantAndWho() {
    PauseDunning pause =
        read("{\"until\": \"2026-12-24T00:00:00Z\", \"by\": \"alice\"}", PauseDunning.class);

    assertThat(pause.until()).isEqualTo(Instant.parse("2026-12-24T00:00:00Z"));
    assertThat(pause.by()).isEqualTo("alice");
  }

  @Test
  void givenPayloadsWithFieldsLeftOut_itShouldReadThemAsAbsent() {
    assertThat(read("{}", PauseDunning.class).until()).isNull();
    assertThat(read("{}", MarkPaid.class)).isEqualTo(new MarkPaid(null, null));
    assertThat(read("{\"by\": \"dave\"}", RetryNow.class).by()).isEqualTo("dave");
  }

  @Test
  void givenTheOtherDocumentedPayloads_itShouldReadEveryField() {
    assertThat(read("{\"by\": \"alice\", \"note\": \"bank transfer\"}", MarkPaid.class))
        .isEqualTo(new MarkPaid("alice", "bank transfer"));
    assertThat(read("{\"reason\": \"customer left\", \"by\": \"alice\"}", CancelDunning.class))
        .isEqualTo(new CancelDunning("customer left", "alice"));
    assertThat(
            read(
                "{\"paymentMethodId\": \"pm_1\", \"by\": \"customer\"}",
                PaymentMethodUpdated.class))
        .isEqualTo(new PaymentMethodUpdated("pm_1", "customer"));
    PaymentFailed failed =
        read(
            "{\"attemptCount\": 2, \"nextPaymentAttempt\": null, \"failureCode\": \"card_declined\","
                + " \"declineCode\": \"insufficient_funds\"}",
            PaymentFailed.class);
    assertThat(failed.attemptCount()).isEqualTo(2);
    assertThat(failed.declineCode()).isEqualTo("insufficient_funds");
    assertThat(
            read("{\"attemptCount\": 2, \"payUrl\": \"https://pay\"}", AuthenticationRequired.class)
                .payUrl())
        .isEqualTo("https://pay");
  }

  private <T> T read(String json, Class<T> type) {
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
            .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8))
            .build();
    return converter.fromPayload(payload, type, type);
  }
}
