package com.example.dunning.api.seed.paymentfailed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seed 000's four media types ({@code application/json}, {@code text/json}, {@code
 * application/xml}, {@code text/xml}) for its request, answer and error, and nothing else: the rest
 * of the API keeps Spring's own converters.
 */
class PaymentFailedConverter extends AbstractHttpMessageConverter<Object> {

  static final MediaType TEXT_JSON = MediaType.parseMediaType("text/json");

  private final JsonMapper json;

  PaymentFailedConverter(JsonMapper json) {
    super(
        StandardCharsets.UTF_8,
        MediaType.APPLICATION_JSON,
        TEXT_JSON,
        MediaType.APPLICATION_XML,
        MediaType.TEXT_XML);
    this.json = json;
  }

  @Override
  protected boolean supports(Class<?> type) {
    return type == PaymentIntentStatusRequest.class
        || type == PaymentIntentFailedResponse.class
        || type == HttpError.class;
  }

  @Override
  public boolean canRead(Class<?> type, MediaType mediaType) {
    return type == PaymentIntentStatusRequest.class && canRead(mediaType);
  }

  @Override
  public boolean canWrite(Class<?> type, MediaType mediaType) {
    return type != PaymentIntentStatusRequest.class && super.canWrite(type, mediaType);
  }

  @Override
  protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
    if (isXml(input.getHeaders().getContentType())) {
      return PaymentFailedXml.readRequest(input.getBody());
    }
    try {
      return json.readValue(input.getBody(), PaymentIntentStatusRequest.class);
    } catch (JacksonException e) {
      throw new HttpMessageNotReadableException("malformed JSON: " + why(e), e, input);
    }
  }

  /**
   * "UserId must be a whole number" for a field of the wrong kind or beyond a long; Jackson's own
   * message names Java types ({@code java.lang.Long}), which mean nothing to the caller.
   */
  private static String why(JacksonException e) {
    if (e instanceof InputCoercionException && !e.getPath().isEmpty()) {
      return e.getPath().get(e.getPath().size() - 1).getPropertyName()
          + " must be a whole number up to "
          + Long.MAX_VALUE;
    }
    if (e instanceof MismatchedInputException mismatch
        && !e.getPath().isEmpty()
        && mismatch.getTargetType() != null
        && Number.class.isAssignableFrom(mismatch.getTargetType())) {
      return e.getPath().get(e.getPath().size() - 1).getPropertyName() + " must be a whole number";
    }
    return e.getOriginalMessage();
  }

  @Override
  protected void writeInternal(Object value, HttpOutputMessage output) throws IOException {
    if (isXml(output.getHeaders().getContentType())) {
      if (value instanceof HttpError error) {
        PaymentFailedXml.writeError(error, output.getBody());
      } else {
        PaymentFailedXml.writeResponse((PaymentIntentFailedResponse) value, output.getBody());
      }
      return;
    }
    json.writeValue(output.getBody(), value);
  }

  private static boolean isXml(MediaType type) {
    return type != null && type.getSubtype().equals("xml");
  }
}
