package org.peerloop.notifications;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.peerloop.notify.Digests;
import org.peerloop.post.Post;
import org.peerloop.post.PostHtml;
import org.peerloop.web.i18n.Messages;
import org.peerloop.web.page.Html;

/**
 * Writes a digest in its member's language: per cohort, its space, the best-rated new threads, the
 * questions waiting for an answer and the new applied-at-work stories, each with its author, and a
 * link back to the activity in the LMS; text and HTML, every quoted word escaped.
 */
final class DigestComposer {
  private DigestComposer() {}

  record Words(String language, String subject, String text, String html) {}

  static Words compose(Digests.Due due, Function<Digests.CohortNews, URI> linkTo, URI unsubscribe) {
    Messages words = Messages.forLocale(due.person().locale());
    List<Digests.CohortNews> news = due.news();
    String subject =
        news.size() == 1
            ? words.get("digest.subject", Map.of("space", news.get(0).cohort().space().title()))
            : words.get("digest.subjectMany", Map.of("count", String.valueOf(news.size())));
    StringBuilder text = new StringBuilder(words.get("digest.lead")).append("\n");
    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html lang=\"")
            .append(words.language())
            .append("\"><head><meta charset=\"utf-8\"><title>")
            .append(Html.escape(subject))
            .append("</title></head><body style=\"font-family:sans-serif;line-height:1.5\"><p>")
            .append(Html.escape(words.get("digest.lead")))
            .append("</p>");
    for (Digests.CohortNews cohort : news) {
      String heading = cohort.cohort().space().title();
      URI link = linkTo.apply(cohort);
      text.append("\n== ").append(heading).append(" ==\n");
      html.append("<h2>").append(Html.escape(heading)).append("</h2>");
      section(words.get("digest.topRated"), cohort.topRated(), false, text, html);
      section(words.get("digest.unanswered"), cohort.unanswered(), false, text, html);
      section(words.get("digest.stories"), cohort.stories(), true, text, html);
      String open = words.get("digest.open", Map.of("space", heading));
      text.append(open).append(": ").append(link).append('\n');
      html.append("<p><a href=\"")
          .append(Html.escape(link.toString()))
          .append("\">")
          .append(Html.escape(open))
          .append("</a></p>");
    }
    String footer = words.get("digest.footer");
    String stop = words.get("mail.unsubscribe");
    text.append("\n-- \n")
        .append(footer)
        .append('\n')
        .append(stop)
        .append(": ")
        .append(unsubscribe);
    html.append("<hr><p style=\"color:#52606d;font-size:0.9em\">")
        .append(Html.escape(footer))
        .append(" <a href=\"")
        .append(Html.escape(unsubscribe.toString()))
        .append("\">")
        .append(Html.escape(stop))
        .append("</a></p></body></html>");
    return new Words(words.language(), subject, text.toString(), html.toString());
  }

  private static void section(
      String title, List<Post> posts, boolean story, StringBuilder text, StringBuilder html) {
    if (posts.isEmpty()) {
      return;
    }
    text.append('\n').append(title).append('\n');
    html.append("<h3>").append(Html.escape(title)).append("</h3><ul>");
    for (Post p : posts) {
      String line =
          (p.title() == null ? MailComposer.excerpt(PostHtml.visibleText(p.bodyHtml())) : p.title())
              + " — "
              + p.author().displayName();
      String applied = story && p.appliedWhat() != null ? p.appliedWhat() : null;
      text.append("- ").append(line);
      html.append("<li>").append(Html.escape(line));
      if (applied != null) {
        text.append(": ").append(applied);
        html.append(": <em>").append(Html.escape(applied)).append("</em>");
      }
      text.append('\n');
      html.append("</li>");
    }
    html.append("</ul>");
  }
}
