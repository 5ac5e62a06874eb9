package org.peerloop.notifications;

import java.net.URI;
import java.util.Map;
import org.peerloop.notify.Notification;
import org.peerloop.post.Post;
import org.peerloop.post.PostHtml;
import org.peerloop.space.Space;
import org.peerloop.web.i18n.Messages;
import org.peerloop.web.page.Html;

/**
 * Writes a notification's e-mail in its member's language (the LMS launch's locale): a subject, a
 * lead sentence, the post's words (an excerpt, as text: never the post's HTML), the rejection
 * reason when there is one, and where to answer. The HTML part escapes everything it quotes.
 */
final class MailComposer {
  static final int EXCERPT = 400;

  private MailComposer() {}

  /**
   * A notice about a space rather than a post (a post-course space opening for the member): the
   * lead sentence and the link back to the activity in the LMS.
   */
  static Mail composeAboutSpace(
      Notification n, Space space, URI activity, String toolHost, URI unsubscribe) {
    Messages words = Messages.forLocale(n.person().locale());
    String kind = n.kind().name();
    Map<String, String> values =
        Map.of(
            "space",
            space.title(),
            "module",
            n.detail() == null ? words.get("mail.theCourse") : n.detail());
    String subject = words.get("mail." + kind + ".subject", values);
    String lead = words.get("mail." + kind + ".lead", values);
    String open = words.get("mail.openAt", values);
    String footer = words.get("mail.footer", values);
    String stop = words.get("mail.unsubscribe");
    String text =
        lead
            + "\n\n"
            + open
            + " "
            + activity
            + "\n\n-- \n"
            + footer
            + "\n"
            + stop
            + ": "
            + unsubscribe
            + "\n";
    String html =
        "<!DOCTYPE html><html lang=\""
            + words.language()
            + "\"><head><meta charset=\"utf-8\"><title>"
            + Html.escape(subject)
            + "</title></head><body style=\"font-family:sans-serif;line-height:1.5\">"
            + "<p>"
            + Html.escape(lead)
            + "</p><p><a href=\""
            + Html.escape(activity.toString())
            + "\">"
            + Html.escape(open)
            + "</a></p><hr><p style=\"color:#52606d;font-size:0.9em\">"
            + Html.escape(footer)
            + " <a href=\""
            + Html.escape(unsubscribe.toString())
            + "\">"
            + Html.escape(stop)
            + "</a></p></body></html>";
    return new Mail(
        n.person().email(),
        subject,
        text,
        html,
        words.language(),
        "<peerloop-notification-" + n.id() + "@" + toolHost + ">",
        unsubscribe);
  }

  static Mail compose(Notification n, String toolHost, URI unsubscribe) {
    Messages words = Messages.forLocale(n.person().locale());
    Post post = n.post();
    String kind = n.kind().name();
    Map<String, String> values =
        Map.of(
            "actor", n.actor() == null ? "" : n.actor().displayName(),
            "space", post.space().title(),
            "title", post.title() == null ? words.get("mail.untitled") : post.title());
    String subject = words.get("mail." + kind + ".subject", values);
    String lead = words.get("mail." + kind + ".lead", values);
    String excerpt = excerpt(PostHtml.visibleText(post.bodyHtml()));
    String reason = n.detail();
    String open = words.get("mail.open", values);
    String footer = words.get("mail.footer", values);

    StringBuilder text = new StringBuilder(lead).append("\n\n");
    text.append(quote(excerpt)).append("\n\n");
    if (reason != null) {
      text.append(words.get("mail.reason")).append(' ').append(reason).append("\n\n");
    }
    String stop = words.get("mail.unsubscribe");
    text.append(open).append("\n\n-- \n").append(footer).append('\n');
    text.append(stop).append(": ").append(unsubscribe).append('\n');

    StringBuilder html =
        new StringBuilder("<!DOCTYPE html><html lang=\"")
            .append(words.language())
            .append("\"><head><meta charset=\"utf-8\"><title>")
            .append(Html.escape(subject))
            .append("</title></head><body style=\"font-family:sans-serif;line-height:1.5\">");
    html.append("<p>").append(Html.escape(lead)).append("</p>");
    html.append("<blockquote style=\"border-left:3px solid #0b6e4f;margin:0;padding-left:1em\">")
        .append(Html.escape(excerpt))
        .append("</blockquote>");
    if (reason != null) {
      html.append("<p><strong>")
          .append(Html.escape(words.get("mail.reason")))
          .append("</strong> ")
          .append(Html.escape(reason))
          .append("</p>");
    }
    html.append("<p>").append(Html.escape(open)).append("</p>");
    html.append("<hr><p style=\"color:#52606d;font-size:0.9em\">")
        .append(Html.escape(footer))
        .append(" <a href=\"")
        .append(Html.escape(unsubscribe.toString()))
        .append("\">")
        .append(Html.escape(stop))
        .append("</a></p></body></html>");
    return new Mail(
        n.person().email(),
        subject,
        text.toString(),
        html.toString(),
        words.language(),
        "<peerloop-notification-" + n.id() + "@" + toolHost + ">",
        unsubscribe);
  }

  static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1).strip() + "…";
  }

  private static String quote(String text) {
    return "> " + text;
  }

  static String host(URI toolUrl) {
    return toolUrl.getHost() == null ? "peerloop" : toolUrl.getHost();
  }
}
