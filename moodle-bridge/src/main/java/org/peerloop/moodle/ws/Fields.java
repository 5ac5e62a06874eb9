package org.peerloop.moodle.ws;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.peerloop.moodle.ws.MoodleException.Kind;

/**
 * Reads fields of Moodle's answers leniently where Moodle is lenient: {@code PARAM_INT} and {@code
 * PARAM_BOOL} values may arrive as numbers, numeric strings or booleans depending on the release
 * and on how a plugin built them. A required field that is missing is an unexpected answer; an
 * optional one (added after 4.1, or {@code VALUE_OPTIONAL}) is empty.
 */
final class Fields {
  private Fields() {}

  static JsonObject object(JsonValue value, String what) {
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw unexpected(what + " is not an object");
    }
    return value.asJsonObject();
  }

  static JsonArray array(JsonValue value, String what) {
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw unexpected(what + " is not a list");
    }
    return value.asJsonArray();
  }

  static List<JsonObject> objects(JsonValue value, String what) {
    return array(value, what).stream().map(v -> object(v, what + " entry")).toList();
  }

  /** A list field that may be absent: empty then. */
  static List<JsonObject> optionalObjects(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    return objects(value, name);
  }

  /** A list of ids; absent is empty. */
  static List<Long> longs(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    return array(value, name).stream()
        .map(v -> longOf(v, name).orElseThrow(() -> unexpected(name + " holds an empty id")))
        .toList();
  }

  static long requiredLong(JsonObject object, String name) {
    return optionalLong(object, name).orElseThrow(() -> unexpected("missing " + name));
  }

  static Optional<Long> optionalLong(JsonObject object, String name) {
    return longOf(object.get(name), name);
  }

  private static Optional<Long> longOf(JsonValue value, String name) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.getValueType()) {
      case NUMBER -> Optional.of(((JsonNumber) value).longValue());
      case STRING -> {
        try {
          yield Optional.of(Long.parseLong(((JsonString) value).getString().strip()));
        } catch (NumberFormatException e) {
          throw unexpected(name + " is not a number");
        }
      }
      case TRUE -> Optional.of(1L);
      case FALSE -> Optional.of(0L);
      case NULL -> Optional.empty();
      default -> throw unexpected(name + " is not a number");
    };
  }

  static int intOr(JsonObject object, String name, int fallback) {
    return optionalLong(object, name).map(Long::intValue).orElse(fallback);
  }

  static Optional<Boolean> optionalBoolean(JsonObject object, String name) {
    return optionalLong(object, name).map(v -> v != 0);
  }

  static boolean booleanOr(JsonObject object, String name, boolean fallback) {
    return optionalBoolean(object, name).orElse(fallback);
  }

  static String requiredString(JsonObject object, String name) {
    return optionalString(object, name).orElseThrow(() -> unexpected("missing " + name));
  }

  static Optional<String> optionalString(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value.getValueType() == JsonValue.ValueType.STRING) {
      return Optional.of(((JsonString) value).getString());
    }
    if (value.getValueType() == JsonValue.ValueType.NUMBER) {
      return Optional.of(value.toString());
    }
    throw unexpected(name + " is not text");
  }

  static MoodleException unexpected(String detail) {
    return new MoodleException(
        Kind.UNAVAILABLE, "unexpected-answer", "Moodle's answer is not as expected: " + detail);
  }
}
