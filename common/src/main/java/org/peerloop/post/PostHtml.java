package org.peerloop.post;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one HTML policy for post bodies (OWASP Java HTML Sanitizer), applied once, at write time.
 * Allowed: paragraphs and line breaks, emphasis, lists, quotes, code, and links to http, https and
 * mailto that always carry {@code rel="nofollow noopener noreferrer"}. Nothing else: no style, no
 * noscript, no svg or math (the policy shapes behind CVE-2025-66021), no images, no attributes but
 * {@code href}. The sanitized HTML is stored and served as is, never transformed by string
 * operations afterwards.
 */
public final class PostHtml {
  /** Input larger than this is refused before sanitizing: no real post is this long. */
  public static final int MAX_INPUT = 50_000;

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "blockquote", "code", "pre")
          .allowElements("a")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .toFactory();

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private PostHtml() {}

  public static String sanitize(String untrusted) {
    return untrusted == null ? "" : POLICY.sanitize(untrusted).strip();
  }

  /**
   * The text a reader sees in sanitized HTML, for finding tags and mentions and for measuring
   * length. Only read, never served.
   */
  public static String visibleText(String sanitizedHtml) {
    String text = TAG.matcher(sanitizedHtml).replaceAll(" ");
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#64;", "@")
        .replace("&#43;", "+")
        .replace("&#61;", "=")
        .replace("&#96;", "`")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
