package org.peerloop.lti.services;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code Link} header of paged service answers (RFC 8288, NRPS 2.0 §2.4, AGS 2.0 §3.2.4),
 * as platforms really write it: Moodle's memberships service leaves out the angle brackets and the
 * quotes ({@code url;rel=next}) and its line items service uses typographic quotes.
 */
final class LinkHeader {
  /** Links are separated by commas; a comma inside a URL is not followed by one. */
  private static final Pattern SEPARATOR = Pattern.compile(",\\s*(?=<|https?:)");

  private static final Pattern LINK = Pattern.compile("^\\s*<?([^<>;\\s]+)>?\\s*;(.*)$");
  private static final Pattern REL =
      Pattern.compile("rel\\s*=\\s*[\"“”']?([^\"“”';]+)[\"“”']?", Pattern.CASE_INSENSITIVE);

  private LinkHeader() {}

  /**
   * RFC 3986 §5.2 resolution; {@link URI#resolve} follows RFC 2396 and drops the last path segment
   * of a query-only reference such as {@code ?since=9}.
   */
  static URI resolve(URI base, String reference) {
    if (reference.startsWith("?")) {
      String raw = base.toString();
      int query = raw.indexOf('?');
      return URI.create((query < 0 ? raw : raw.substring(0, query)) + reference);
    }
    return base.resolve(reference);
  }

  /**
   * The target of the link with this relation, resolved against the request's URI; empty when there
   * is none.
   */
  static Optional<URI> find(List<String> headers, String relation, URI base) {
    for (String header : headers) {
      for (String entry : SEPARATOR.split(header)) {
        Matcher link = LINK.matcher(entry);
        if (!link.find()) {
          continue;
        }
        Matcher rel = REL.matcher(link.group(2));
        if (rel.find()
            && List.of(rel.group(1).strip().toLowerCase(Locale.ROOT).split("\\s+"))
                .contains(relation)) {
          try {
            return Optional.of(resolve(base, link.group(1).strip()));
          } catch (IllegalArgumentException e) {
            return Optional.empty();
          }
        }
      }
    }
    return Optional.empty();
  }
}
