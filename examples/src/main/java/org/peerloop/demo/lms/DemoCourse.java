package org.peerloop.demo.lms;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demo's one course, its people and the PeerLoop links placed in it. */
public final class DemoCourse {
  public static final String CONTEXT_ID = "101";
  public static final String LABEL = "LEAD-101";
  public static final String TITLE = "Leading Change at Work";

  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
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
  public record Link(String id, String title, String description, Map<String, String> custom) {
    public Link(String id, String title, String description) {
      this(id, title, description, Map.of());
    }

    public Link {
      custom = Map.copyOf(custom);
    }
  }

  /** A copy of the course, as an LMS makes for the next run: same links, another context. */
  public static final String COPY_CONTEXT_ID = "102";

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
              "Share cases; an expert reviews each before it appears."));

  private DemoCourse() {}

  public static Optional<User> user(String id) {
    return USERS.stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public static Optional<Link> link(String id) {
    return LINKS.stream().filter(l -> l.id().equals(id)).findFirst();
  }
}
