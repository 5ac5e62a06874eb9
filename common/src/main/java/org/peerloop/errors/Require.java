package org.peerloop.errors;

import java.net.URI;
import java.net.URISyntaxException;

/** Guards for entity constructors: each failure names the field and says what is expected. */
public final class Require {
  private Require() {}

  /** A non-blank text of at most {@code maxLength} characters, trimmed. */
  public static String text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, field + " is required");
    }
    String trimmed = value.trim();
    if (trimmed.length() > maxLength) {
      throw new InvalidValueException(
          field, field + " must be at most " + maxLength + " characters long");
    }
    return trimmed;
  }

  /** An absolute http(s) URL with a host, of at most {@code maxLength} characters. */
  public static String httpUrl(String field, String value, int maxLength) {
    String text = text(field, value, maxLength);
    try {
      URI uri = new URI(text);
      boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
      if (web && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below, with the field's name
    }
    throw new InvalidValueException(field, field + " must be an absolute http(s) URL");
  }

  /**
   * Display text from another system (a title, a name): an over-long value is shortened, not
   * refused, and a blank one becomes {@code null}.
   */
  public static String clipped(String text, int maxLength) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.strip();
    return trimmed.length() <= maxLength ? trimmed : trimmed.substring(0, maxLength);
  }

  /**
   * An optional text someone typed (a reason, a note): blank becomes {@code null}; too long is
   * refused with the field's name.
   */
  public static String optionalText(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > maxLength) {
      throw new InvalidValueException(
          field, field + " must be at most " + maxLength + " characters long");
    }
    return stripped;
  }
}
