package org.peerloop.demo.lms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo's one course, its people and the PeerLoop links placed in it. */
public final class DemoCourse {
  public static final String CONTEXT_ID = "101";
  public static final String LABEL = "LEAD-101";
  public static final String TITLE = "Leading Change at Work";

  static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  private static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

  /**
   * A person of the demo course. The language is a Moodle language code, as Moodle sends it in
   * {@code launch_presentation.locale}.
   */
  public record User(
      String id,
      String givenName,
      String familyName,
      String email,
      String role,
      String roleUri,
      String language) {
    public String name() {
      return givenName + " " + familyName;
    }
  }

  /**
   * A PeerLoop activity in the course (an LTI resource link), with the custom parameters its
   * launches carry (set by Deep Linking for links placed that way).
   */
  public record Link(
      String id, String title, String description, Map<String, String> custom, String contextId) {
    public Link(String id, String title, String description) {
      this(id, title, description, Map.of(), CONTEXT_ID);
    }

    /**
     * The link's id in a context: its own in its course; another in a copy of the course, as an LMS
     * gives the copied activity a new id.
     */
    public String idIn(String context) {
      return context.equals(contextId) ? id : context + "-" + id;
    }

    public Link {
      custom = Map.copyOf(custom);
    }
  }

  /** The demo's courses: context id, label, title, and the course it was copied from. */
  public record Context(String id, String label, String title, String copiedFrom) {}

  public static final List<Context> CONTEXTS =
      List.of(
          new Context(CONTEXT_ID, LABEL, TITLE, null),
          new Context("102", "LEAD-101-2", TITLE + " (next run)", CONTEXT_ID),
          new Context("103", "COACH-201", "Coaching Lab", null),
          new Context("104", "COACH-201-2", "Coaching Lab (next run)", "103"),
          new Context("105", "DATA-110", "Data Literacy", null),
          new Context("106", "SAFE-120", "Safe Handling", null),
          new Context("107", "SAFE-120-B", "Safe Handling (evening run)", null),
          new Context("108", "OPEN-130", "Open Forum", null),
          new Context("109", "INTRA-140", "Intranet Practice", null),
          new Context("110", "INTRA-150", "Intranet Leadership", null));

  public static Optional<Context> context(String id) {
    return CONTEXTS.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public static final List<User> USERS =
      List.of(
          new User("2", "Ada", "Ito", "ada.ito@example.edu", "Learner", LEARNER, "en"),
          new User("3", "Ben", "Okafor", "ben.okafor@example.edu", "Learner", LEARNER, "en"),
          new User("4", "Carmen", "Ruiz", "carmen.ruiz@example.edu", "Learner", LEARNER, "es_mx"),
          new User("5", "Dana", "Lee", "dana.lee@example.edu", "Instructor", INSTRUCTOR, "en"),
          new User("6", "Farid", "Haddad", "farid.haddad@example.edu", "Learner", LEARNER, "en"),
          new User("7", "Grace", "Kim", "grace.kim@example.edu", "Learner", LEARNER, "en"),
          new User("8", "Hugo", "Martin", "hugo.martin@example.edu", "Learner", LEARNER, "en"),
          new User("9", "Ines", "Silva", "ines.silva@example.edu", "Learner", LEARNER, "es"),
          new User("10", "Jonas", "Weber", "jonas.weber@example.edu", "Learner", LEARNER, "en"),
          new User("11", "Kemi", "Adeyemi", "kemi.adeyemi@example.edu", "Learner", LEARNER, "en"));

  public static final List<Link> LINKS =
      List.of(
          new Link("201", "Pre-course cohort", "Meet your cohort before the course starts."),
          new Link("202", "Post-course cohort", "Apply what you learned, together."),
          new Link("203", "Practice circle", "Trade notes on change work with your peers."),
          new Link(
              "204",
              "Reviewed case studies",
              "Share cases; an expert reviews each before it appears."),
          new Link("205", "Shift circles", "One cohort per shift, from the course's groups."));

  private DemoCourse() {}

  /**
   * Whether a course page shows a link: a course shows its own links and, if it is a copy, the
   * links copied with it; every course that is not a copy has the demo's standard activities.
   */
  public static boolean shows(Context context, Link link) {
    return link.contextId().equals(context.id())
        || link.contextId().equals(context.copiedFrom())
        || context.copiedFrom() == null && LINKS.contains(link);
  }

  public static Optional<User> user(String id) {
    return USERS.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public static Optional<Link> link(String id) {
    return LINKS.stream().filter(l -> l.id().equals(id)).findFirst();
  }
}
