package org.peerloop.moodle.ws;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web service functions PeerLoop uses, each with its answer parsed into a record. The functions
 * must be in the token's service (see the IT guide); {@link #siteInfo()} lists what the token may
 * call.
 */
public final class MoodleSite {
  public static final String SITE_INFO = "core_webservice_get_site_info";
  public static final String COURSE_CONTENTS = "core_course_get_contents";
  public static final String MODULE_BY_INSTANCE = "core_course_get_course_module_by_instance";
  public static final String ACTIVITIES_COMPLETION =
      "core_completion_get_activities_completion_status";
  public static final String COURSE_COMPLETION = "core_completion_get_course_completion_status";
  public static final String ENROLLED_USERS = "core_enrol_get_enrolled_users";
  public static final String COURSE_GROUPS = "core_group_get_course_groups";
  public static final String GROUP_MEMBERS = "core_group_get_group_members";

  /** Every function the bridge calls, in the order the IT guide lists them. */
  public static final List<String> FUNCTIONS =
      List.of(
          SITE_INFO,
          COURSE_CONTENTS,
          MODULE_BY_INSTANCE,
          ACTIVITIES_COMPLETION,
          COURSE_COMPLETION,
          ENROLLED_USERS,
          COURSE_GROUPS,
          GROUP_MEMBERS);

  /** Enrolled users per request: small pages keep each answer quick on a large course. */
  public static final int ENROLMENT_PAGE = 200;

  /** A course of more than this many pages of users is read no further (a runaway guard). */
  static final int MAX_ENROLMENT_PAGES = 2_500;

  private final MoodleClient client;

  public MoodleSite(MoodleClient client) {
    this.client = client;
  }

  public SiteInfo siteInfo() {
    return SiteInfo.of(Fields.object(client.call(SITE_INFO, WsParams.of()), SITE_INFO));
  }

  /** Sections and modules, without the files inside resources (never needed here). */
  public CourseStructure courseContents(long courseId) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("excludecontents", 1);
    JsonValue answer =
        client.call(
            COURSE_CONTENTS,
            WsParams.of().with("courseid", courseId).withOptions("options", options));
    return new CourseStructure(
        Fields.objects(answer, COURSE_CONTENTS).stream().map(CourseSection::of).toList());
  }

  /** The course module of an instance, e.g. of an LTI activity ({@code module} {@code lti}). */
  public ModuleOfInstance moduleByInstance(String module, long instance) {
    JsonValue answer =
        client.call(
            MODULE_BY_INSTANCE, WsParams.of().with("module", module).with("instance", instance));
    return ModuleOfInstance.of(Fields.object(answer, MODULE_BY_INSTANCE));
  }

  public List<ActivityCompletion> activitiesCompletion(long courseId, long userId) {
    JsonObject answer =
        Fields.object(
            client.call(
                ACTIVITIES_COMPLETION,
                WsParams.of().with("courseid", courseId).with("userid", userId)),
            ACTIVITIES_COMPLETION);
    return Fields.optionalObjects(answer, "statuses").stream().map(ActivityCompletion::of).toList();
  }

  /**
   * Whether the user completed the course. A course without completion criteria is not complete
   * (Moodle answers {@code nocriteriaset}).
   */
  public boolean courseCompleted(long courseId, long userId) {
    try {
      JsonObject answer =
          Fields.object(
              client.call(
                  COURSE_COMPLETION,
                  WsParams.of().with("courseid", courseId).with("userid", userId)),
              COURSE_COMPLETION);
      JsonObject status = Fields.object(answer.get("completionstatus"), "completionstatus");
      return Fields.booleanOr(status, "completed", false);
    } catch (MoodleException e) {
      if ("nocriteriaset".equals(e.errorcode())) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Every user enrolled in the course, read in pages with {@code limitfrom}/{@code limitnumber}.
   */
  public List<EnrolledUser> enrolledUsers(long courseId) {
    List<EnrolledUser> all = new ArrayList<>();
    for (int page = 0; page < MAX_ENROLMENT_PAGES; page++) {
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("limitfrom", page * ENROLMENT_PAGE);
      options.put("limitnumber", ENROLMENT_PAGE);
      options.put("userfields", "id,fullname,email,groups,roles");
      JsonValue answer =
          client.call(
              ENROLLED_USERS,
              WsParams.of().with("courseid", courseId).withOptions("options", options));
      List<EnrolledUser> users =
          Fields.objects(answer, ENROLLED_USERS).stream().map(EnrolledUser::of).toList();
      all.addAll(users);
      if (users.size() < ENROLMENT_PAGE) {
        return all;
      }
    }
    throw new MoodleException(
        MoodleException.Kind.SITE_ERROR,
        "too-many-users",
        "Course "
            + courseId
            + " lists more than "
            + MAX_ENROLMENT_PAGES * ENROLMENT_PAGE
            + " users");
  }

  public List<CourseGroup> courseGroups(long courseId) {
    return Fields.objects(
            client.call(COURSE_GROUPS, WsParams.of().with("courseid", courseId)), COURSE_GROUPS)
        .stream()
        .map(CourseGroup::of)
        .toList();
  }

  /** Members of each group, by group id, in the order asked. */
  public Map<Long, List<Long>> groupMembers(List<Long> groupIds) {
    Map<Long, List<Long>> members = new LinkedHashMap<>();
    if (groupIds.isEmpty()) {
      return members;
    }
    JsonValue answer = client.call(GROUP_MEMBERS, WsParams.of().withList("groupids", groupIds));
    for (JsonObject group : Fields.objects(answer, GROUP_MEMBERS)) {
      members.put(Fields.requiredLong(group, "groupid"), Fields.longs(group, "userids"));
    }
    return members;
  }
}
