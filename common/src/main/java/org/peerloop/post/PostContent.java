package org.peerloop.post;

import java.util.List;
import org.peerloop.errors.InvalidValueException;

/**
 * What an author writes, checked and sanitized: the kind, an optional title (thread starts), the
 * body as sanitized HTML, and for applied-at-work stories what was applied and the result.
 */
public record PostContent(
    PostKind kind,
    String title,
    String bodyHtml,
    String appliedWhat,
    String appliedResult,
    List<String> tags) {

  public static final int TITLE_MAX = 200;
  public static final int TEXT_MAX = 10_000;
  public static final int HTML_MAX = 20_000;
  public static final int APPLIED_MAX = 2_000;

  /**
   * Checks and sanitizes what an author sent. Replies have no title and are discussions.
   *
   * @throws InvalidValueException naming the field that breaks a rule
   */
  public static PostContent of(
      boolean reply,
      PostKind kind,
      String title,
      String untrustedBody,
      String appliedWhat,
      String appliedResult) {
    if (untrustedBody == null || untrustedBody.length() > PostHtml.MAX_INPUT) {
      throw new InvalidValueException(
          "body", "body is required and must be under " + PostHtml.MAX_INPUT + " characters");
    }
    String html = PostHtml.sanitize(untrustedBody);
    String text = PostHtml.visibleText(html);
    if (text.isEmpty()) {
      throw new InvalidValueException("body", "body must contain text");
    }
    if (text.length() > TEXT_MAX || html.length() > HTML_MAX) {
      throw new InvalidValueException("body", "body must be at most " + TEXT_MAX + " characters");
    }
    PostKind checkedKind = reply ? PostKind.DISCUSSION : kind;
    if (checkedKind == null) {
      throw new InvalidValueException("kind", "kind must be DISCUSSION, QUESTION or APPLIED_STORY");
    }
    String checkedTitle = reply ? null : plain("title", title, TITLE_MAX, false);
    String what = null;
    String result = null;
    if (checkedKind == PostKind.APPLIED_STORY) {
      what = plain("appliedWhat", appliedWhat, APPLIED_MAX, true);
      result = plain("appliedResult", appliedResult, APPLIED_MAX, true);
    }
    return new PostContent(checkedKind, checkedTitle, html, what, result, PostText.tags(text));
  }

  /** Plain text fields are stored as text and escaped wherever they are shown. */
  private static String plain(String field, String value, int max, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new InvalidValueException(field, field + " is required for an applied-at-work story");
      }
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new InvalidValueException(field, field + " must be at most " + max + " characters");
    }
    return stripped;
  }
}
