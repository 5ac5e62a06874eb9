package org.peerloop.moodle.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The signature test vectors the Java and PHP sides share. */
record SignatureVectors(List<Vector> vectors) {
  static final String RESOURCE = "/moodle/webhook-signature-vectors.json";

  record Vector(String secret, long timestamp, String body, String signature) {}

  static SignatureVectors load() {
    try (InputStream in = SignatureVectors.class.getResourceAsStream(RESOURCE);
        JsonReader reader = Json.createReader(in)) {
      return new SignatureVectors(
          reader.readObject().getJsonArray("vectors").stream()
              .map(v -> (JsonObject) v)
              .map(
                  v ->
                      new Vector(
                          v.getString("secret"),
                          v.getJsonNumber("timestamp").longValue(),
                          v.getString("body"),
                          v.getString("signature")))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
