package org.peerloop.text;

/**
 * Values from outside (a platform's answer, a client id, a URL) written to the log: on one line,
 * without control characters, and bounded, so no one can forge a log entry (CWE-117, OWASP ASVS 4.0
 * V7.3.1) or flood the log with one value.
 */
public final class LogText {
  static final int MAX = 300;

  private LogText() {}

  public static String oneLine(Object value) {
    if (value == null) {
      return "-";
    }
    String text = String.valueOf(value);
    StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX + 1));
    for (int i = 0; i < text.length() && clean.length() < MAX; ) {
      int c = text.codePointAt(i);
      // C0 and C1 controls (CR, LF, NEL…) and the Unicode line and paragraph separators.
      boolean control = Character.isISOControl(c) || c == 0x2028 || c == 0x2029;
      clean.appendCodePoint(control ? ' ' : c);
      i += Character.charCount(c);
    }
    return clean.length() < text.length() ? clean + "…" : clean.toString();
  }
}
