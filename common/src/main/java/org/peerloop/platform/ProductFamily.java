package org.peerloop.platform;

import java.util.Locale;

/**
 * The LMS product behind a platform, from the {@code product_family_code} a platform reports in its
 * OpenID configuration or in the {@code tool_platform} launch claim (LTI 1.3 Core §5.4.3). Per-LMS
 * behaviour keys off this value in one place, never off scattered string checks.
 */
public enum ProductFamily {
  MOODLE("moodle"),
  CANVAS("canvas"),
  BRIGHTSPACE("desire2learn"),
  BLACKBOARD("BlackboardLearn"),
  SAKAI("sakai"),
  OTHER("other");

  private final String code;

  ProductFamily(String code) {
    this.code = code;
  }

  /** The code as platforms send it. */
  public String code() {
    return code;
  }

  /** Maps a platform's reported code (any case, or our own enum name) to a family. */
  public static ProductFamily fromCode(String code) {
    if (code == null) {
      return OTHER;
    }
    String wanted = code.trim().toLowerCase(Locale.ROOT);
    for (ProductFamily family : values()) {
      if (family.code.toLowerCase(Locale.ROOT).equals(wanted)
          || family.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return family;
      }
    }
    return wanted.startsWith("blackboard") ? BLACKBOARD : OTHER;
  }
}
