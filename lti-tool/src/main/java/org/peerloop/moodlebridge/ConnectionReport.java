package org.peerloop.moodlebridge;

import java.util.List;
import java.util.Map;
import org.peerloop.moodle.ws.MoodleException;
import org.peerloop.moodle.ws.MoodleSite;
import org.peerloop.moodle.ws.SiteInfo;

/**
 * What a web service token may and may not do on its site, for IT: the site and user it acts as,
 * each function the bridge uses with what it is needed for, and a warning when the token's user
 * cannot see what those functions answer (the learners of a course).
 */
public record ConnectionReport(
    boolean connected,
    String siteName,
    String release,
    String tokenUser,
    List<FunctionCheck> functions,
    String error,
    String errorReason,
    String warning,
    String warningReason) {

  /** One function: whether the token's service allows it, and what needs it. */
  public record FunctionCheck(String function, boolean allowed, String neededFor) {}

  static final Map<String, String> NEEDED_FOR =
      Map.of(
          MoodleSite.SITE_INFO, "checking the connection",
          MoodleSite.COURSE_CONTENTS, "listing a course's sections and modules for facilitators",
          MoodleSite.MODULE_BY_INSTANCE, "finding the activity a space is launched from",
          MoodleSite.ACTIVITIES_COMPLETION, "the completion backstop (activity completion)",
          MoodleSite.COURSE_COMPLETION, "the completion backstop (course completion)",
          MoodleSite.ENROLLED_USERS, "the completion backstop (who to check)",
          MoodleSite.COURSE_GROUPS, "cohorts from Moodle groups",
          MoodleSite.GROUP_MEMBERS, "cohorts from Moodle groups");

  /** Whether every function is allowed and answers what the bridge needs. */
  public boolean complete() {
    return connected && warning == null && functions.stream().allMatch(FunctionCheck::allowed);
  }

  boolean allows(String function) {
    return functions.stream().anyMatch(f -> f.function().equals(function) && f.allowed());
  }

  ConnectionReport warn(String reason, String text) {
    return new ConnectionReport(
        connected, siteName, release, tokenUser, functions, error, errorReason, text, reason);
  }

  static ConnectionReport of(SiteInfo info) {
    return new ConnectionReport(
        true,
        info.siteName(),
        info.release(),
        info.username(),
        MoodleSite.FUNCTIONS.stream()
            .map(f -> new FunctionCheck(f, info.allows(f), NEEDED_FOR.get(f)))
            .toList(),
        null,
        null,
        null,
        null);
  }

  static ConnectionReport failed(MoodleException e) {
    String advice =
        switch (e.kind()) {
          case INVALID_TOKEN ->
              "The token is not valid: create one in Site administration > Server > Web services"
                  + " > Manage tokens, for the PeerLoop service's user.";
          case ACCESS_DENIED ->
              "Moodle refused: check that web services and the REST protocol are enabled and that"
                  + " the token's service includes core_webservice_get_site_info.";
          case UNAVAILABLE ->
              "The site did not answer: check the address, and that PeerLoop can reach it.";
          default -> "Moodle reported an error.";
        };
    return new ConnectionReport(
        false,
        null,
        null,
        null,
        List.of(),
        advice + " (" + e.getMessage() + ")",
        e.errorcode(),
        null,
        null);
  }
}
