package org.peerloop.demo.lms;

import java.util.List;

/** The demo LMS's course page: pick who you are, open a PeerLoop activity in the iframe. */
final class LmsPages {
  private LmsPages() {}

  static String course(
      ToolRegistration tool,
      DemoCourse.User user,
      DemoCourse.Context context,
      List<DemoCourse.Link> links,
      String openLink,
      boolean deep) {
    // Every address keeps the course; the demo's first course needs none.
    String course = context.id().equals(DemoCourse.CONTEXT_ID) ? "" : "&amp;course=" + context.id();
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Demo LMS: "
                + Http.escape(context.title())
                + "</title><link rel=\"stylesheet\" href=\"/lms.css\"></head><body>"
                + "<header><p class=\"lms\">Demo LMS</p><h1>"
                + Http.escape(context.title())
                + " <span class=\"label\">"
                + Http.escape(context.label())
                + "</span></h1></header><main>");
    if (tool == null) {
      html.append("<p role=\"alert\">PeerLoop is not registered with this LMS yet.</p>");
    }
    html.append("<nav aria-label=\"Who are you?\"><h2>Sign in as</h2><ul class=\"people\">");
    for (DemoCourse.User person : DemoCourse.USERS) {
      boolean current = user != null && person.id().equals(user.id());
      html.append("<li><a id=\"as-")
          .append(person.id())
          .append("\" href=\"/course?user=")
          .append(person.id())
          .append(course)
          .append("\"")
          .append(current ? " aria-current=\"page\"" : "")
          .append(">")
          .append(Http.escape(person.name()))
          .append("</a> <span class=\"role\">")
          .append(Http.escape(person.role()))
          .append("</span></li>");
    }
    html.append("</ul></nav>");
    if (user != null) {
      html.append("<section><h2>Course activities</h2><ul class=\"activities\">");
      for (DemoCourse.Link link : links) {
        html.append("<li><a id=\"open-")
            .append(link.id())
            .append("\" href=\"/course?user=")
            .append(user.id())
            .append(course)
            .append("&amp;open=")
            .append(link.id())
            .append("\">")
            .append(Http.escape(link.title()))
            .append("</a> <span class=\"hint\">")
            .append(Http.escape(link.description()))
            .append("</span></li>");
      }
      if ("Instructor".equals(user.role())) {
        html.append("<li><a id=\"deep-link\" href=\"/course?user=")
            .append(user.id())
            .append(course)
            .append("&amp;deep\">Add a PeerLoop activity (deep linking)</a></li>");
      }
      html.append("</ul></section>");
      if ("Learner".equals(user.role())) {
        // What Moodle's completion would do: the plugin tells PeerLoop, which opens the
        // post-course spaces attached to the activity.
        html.append("<section><h2>Your progress</h2><ul class=\"activities\">");
        for (String[] activity :
            new String[][] {
              {String.valueOf(DemoMoodle.quiz(context.id())), "Change model quiz"},
              {String.valueOf(DemoMoodle.actionPlan(context.id())), "Action plan"}
            }) {
          html.append("<li><form method=\"post\" action=\"/complete\">")
              .append("<input type=\"hidden\" name=\"user\" value=\"")
              .append(Http.escape(user.id()))
              .append("\"><input type=\"hidden\" name=\"course\" value=\"")
              .append(Http.escape(context.id()))
              .append("\"><input type=\"hidden\" name=\"cmid\" value=\"")
              .append(activity[0])
              .append("\">")
              .append(Http.escape(activity[1]))
              .append(" <button id=\"complete-")
              .append(activity[0])
              .append("\" type=\"submit\">Mark complete</button></form></li>");
        }
        html.append("</ul></section>");
      }
      String frameSource = null;
      if (deep) {
        frameSource = "/launch?user=" + user.id() + "&deep&course=" + context.id();
      } else if (openLink != null && links.stream().anyMatch(l -> l.id().equals(openLink))) {
        frameSource = "/launch?user=" + user.id() + "&link=" + openLink + "&course=" + context.id();
      }
      if (frameSource != null && tool != null) {
        html.append("<section class=\"tool\"><iframe id=\"tool-frame\" title=\"PeerLoop\" src=\"")
            .append(Http.escape(frameSource))
            .append("\"></iframe></section>");
      }
    }
    return html.append("</main><script src=\"/lms.js\"></script></body></html>").toString();
  }
}
