package com.example.dunning.activities.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's JSON answer, read field by field: a required field that is missing, null or of
 * another type fails as a malformed answer naming the field's path, e.g. {@code
 * data.details.currency}.
 */
final class AnswerFields {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final String provider;
  private final JsonNode node;
  private final String path;

  private AnswerFields(String provider, JsonNode node, String path) {
    this.provider = provider;
    this.node = node;
    this.path = path;
  }

  static AnswerFields parse(String provider, String body) {
    if (body == null || body.isBlank()) {
      throw ProviderFailures.malformed(provider, "body", "empty");
    }
    try {
      JsonNode root = JSON.readTree(body);
      if (!root.isObject()) {
        throw ProviderFailures.malformed(provider, "body", "not a JSON object");
      }
      return new AnswerFields(provider, root, "");
    } catch (JsonProcessingException e) {
      throw ProviderFailures.malformed(
          provider, "body", "not JSON: " + e.getOriginalMessage() + " " + e.getLocation());
    }
  }

  AnswerFields object(String name) {
    JsonNode value = required(name);
    if (!value.isObject()) {
      throw wrongType(name, "an object");
    }
    return new AnswerFields(provider, value, pathOf(name) + ".");
  }

  /** Null when absent or null. */
  AnswerFields optionalObject(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : object(name);
  }

  /** An array's elements; an absent or null array is empty. */
  List<AnswerFields> array(String name) {
    JsonNode value = node.get(name);
    List<AnswerFields> elements = new ArrayList<>();
    if (value == null || value.isNull()) {
      return elements;
    }
    if (!value.isArray()) {
      throw wrongType(name, "an array");
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (!element.isObject()) {
        throw ProviderFailures.malformed(
            provider, pathOf(name) + "[" + i + "]", "that is not an object");
      }
      elements.add(new AnswerFields(provider, element, pathOf(name) + "[" + i + "]."));
    }
    return elements;
  }

  String text(String name) {
    JsonNode value = required(name);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw wrongType(name, "a non-empty string");
    }
    return value.asText();
  }

  /** Null when absent, null or empty. */
  String optionalText(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode() || value.isBoolean()) {
      throw wrongType(name, "a string");
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  boolean bool(String name) {
    JsonNode value = required(name);
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return value.booleanValue();
  }

  /** False when absent or null. */
  boolean optionalBool(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return value.booleanValue();
  }

  /** A flag sent as {@code 0} or {@code 1} (or as a JSON boolean); null when absent or null. */
  Boolean flag(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() && (value.intValue() == 0 || value.intValue() == 1)) {
      return value.intValue() == 1;
    }
    throw wrongType(name, "0 or 1");
  }

  long wholeNumber(String name) {
    JsonNode value = required(name);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(name, "a whole number");
    }
    return value.longValue();
  }

  /** Null when absent or null. */
  Integer optionalWholeNumber(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(name, "a whole number");
    }
    return value.intValue();
  }

  BigDecimal decimal(String name) {
    JsonNode value = required(name);
    if (!value.isNumber()) {
      throw wrongType(name, "a number");
    }
    return value.decimalValue();
  }

  /** The full path of a field of this object, for messages. */
  String pathOf(String name) {
    return path + name;
  }

  RuntimeException invalid(String name, String problem) {
    return ProviderFailures.malformed(provider, pathOf(name), problem);
  }

  private JsonNode required(String name) {
    JsonNode value = node.get(name);
    if (value == null) {
      throw ProviderFailures.malformed(provider, pathOf(name), "missing");
    }
    if (value.isNull()) {
      throw ProviderFailures.malformed(provider, pathOf(name), "null");
    }
    return value;
  }

  private RuntimeException wrongType(String name, String expected) {
    return ProviderFailures.malformed(
        provider, pathOf(name), "not " + expected + " but " + node.get(name));
  }
}
