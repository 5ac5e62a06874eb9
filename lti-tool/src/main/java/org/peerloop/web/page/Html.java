package org.peerloop.web.page;

import jakarta.json.JsonObject;

/** Escaping for the two contexts PeerLoop's pages put data in: HTML text and a JSON block. */
public final class Html {
  private Html() {}

  /** Text or a double-quoted attribute value (OWASP XSS prevention rule 1 and 2). */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON for a {@code <script type="application/json">} block: characters that could close the
   * script element or start markup are written as JSON escapes, so the block stays data.
   */
  public static String jsonForScript(JsonObject json) {
    String text = json.toString();
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
