package org.peerloop.lti.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The service answers in {@code src/test/resources/platforms} (see its README). */
final class PlatformAnswers {
  private PlatformAnswers() {}

  static String read(String name) {
    try (InputStream in = PlatformAnswers.class.getResourceAsStream("/platforms/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
