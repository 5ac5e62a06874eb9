package org.peerloop.community;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.peerloop.errors.InvalidValueException;
import org.peerloop.post.PostKind;
import org.peerloop.post.PostText;

/**
 * A page request for a cohort's threads: order, filters, and an opaque cursor (the offset into the
 * ordered list, so every order pages the same way).
 */
public record ThreadQuery(
    Sort sort, String tag, PostKind kind, Long promptId, int offset, int limit) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 50;

  /** How threads are ordered. */
  public enum Sort {
    NEWEST,
    TOP_RATED,
    UNANSWERED
  }

  public static ThreadQuery parse(
      String sort, String tag, String kind, Long promptId, String cursor, Integer limit) {
    Sort order;
    try {
      order =
          sort == null
              ? Sort.NEWEST
              : Sort.valueOf(sort.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("sort", "sort must be newest, top-rated or unanswered");
    }
    PostKind postKind;
    try {
      postKind =
          kind == null
              ? null
              : PostKind.valueOf(kind.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("kind", "kind must be discussion, question or applied-story");
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidValueException("limit", "limit must be 1 to " + MAX_LIMIT);
    }
    String cleanTag =
        tag == null || tag.isBlank()
            ? null
            : tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
    if (cleanTag != null && cleanTag.length() > PostText.TAG_MAX) {
      // No tag is longer, so nothing would match; say so rather than search for it.
      throw new InvalidValueException(
          "tag", "A tag is at most " + PostText.TAG_MAX + " characters long");
    }
    return new ThreadQuery(order, cleanTag, postKind, promptId, decode(cursor), size);
  }

  String nextCursor(int returned) {
    return returned < limit ? null : encode(offset + returned);
  }

  private static int decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int value = Integer.parseInt(text.substring("o:".length()));
      if (!text.startsWith("o:") || value < 0) {
        throw new IllegalArgumentException();
      }
      return value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new InvalidValueException("cursor", "cursor is not one this API gave out");
    }
  }

  private static String encode(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }
}
