package org.peerloop.web.api;

import java.util.Locale;
import org.peerloop.community.CurationService;
import org.peerloop.community.Views;
import org.peerloop.web.page.Html;

/**
 * A space's best-of as one self-contained HTML file. Post bodies are already sanitized HTML and go
 * in unchanged; every other value is text and is escaped.
 */
final class BestOfHtml {
  private BestOfHtml() {}

  static String render(CurationService.BestOf bestOf) {
    StringBuilder html =
        new StringBuilder(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .append(Html.escape("Best of: " + bestOf.spaceTitle()))
            .append("</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;")
            .append("margin:2rem auto;padding:0 1rem}article{border-top:1px solid #ccc;")
            .append("padding:1rem 0}.by{color:#555}</style></head><body><h1>")
            .append(Html.escape("Best of: " + bestOf.spaceTitle()))
            .append("</h1>");
    for (Views.PostView post : bestOf.posts()) {
      html.append("<article>");
      if (post.title() != null) {
        html.append("<h2>").append(Html.escape(post.title())).append("</h2>");
      }
      html.append("<p class=\"by\">")
          .append(Html.escape(post.author().name()))
          .append(", ")
          .append(Html.escape(post.createdAt().substring(0, 10)))
          .append(
              post.rating().count() > 0
                  ? Html.escape(
                      String.format(
                          Locale.ROOT,
                          " · rated %.1f by %d",
                          post.rating().mean(),
                          post.rating().count()))
                  : "")
          .append("</p>")
          .append(post.bodyHtml());
      if (post.appliedWhat() != null) {
        html.append("<p><strong>Applied at work:</strong> ")
            .append(Html.escape(post.appliedWhat()))
            .append("</p><p><strong>Result:</strong> ")
            .append(Html.escape(post.appliedResult()))
            .append("</p>");
      }
      html.append("</article>");
    }
    return html.append("</body></html>\n").toString();
  }
}
