package org.peerloop.privacy;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peerloop.cohort.CohortRevisions;
import org.peerloop.errors.NotFoundException;
import org.peerloop.people.Person;

/**
 * What PeerLoop holds about one person, for their export and their erasure. Both list the same
 * tables, so what is exported is what is erased or kept on purpose. Callers own the transaction.
 */
@Dependent
public class PersonalData {
  /** One kind of record a person has: the rows of a table that are theirs, as named columns. */
  private record Section(String name, String sql, List<String> columns, int parameters) {}

  private static final List<Section> SECTIONS =
      List.of(
          section(
              "memberships",
              "select m.id, s.id, s.title, m.cohort_id, m.role, m.active, m.joined_at"
                  + " from cohort_member m join cohort_space s on s.id = m.space_id"
                  + " where m.person_id = ? order by m.id",
              "membershipId",
              "spaceId",
              "space",
              "cohortId",
              "role",
              "active",
              "joinedAt"),
          section(
              "topics",
              "select t.member_id, t.topic from member_topic t"
                  + " join cohort_member m on m.id = t.member_id where m.person_id = ?"
                  + " order by t.member_id, t.position",
              "membershipId",
              "topic"),
          section(
              "posts",
              "select id, space_id, cohort_id, thread_id, kind, title, body_html, applied_what,"
                  + " applied_result, status, created_at, edited_at, deleted_at"
                  + " from post where author_id = ? order by id",
              "id",
              "spaceId",
              "cohortId",
              "threadId",
              "kind",
              "title",
              "bodyHtml",
              "appliedWhat",
              "appliedResult",
              "status",
              "createdAt",
              "editedAt",
              "deletedAt"),
          section(
              "earlierVersions",
              "select v.post_id, v.version, v.title, v.body_html, v.replaced_at"
                  + " from post_version v join post p on p.id = v.post_id where p.author_id = ?"
                  + " order by v.post_id, v.version",
              "postId",
              "version",
              "title",
              "bodyHtml",
              "replacedAt"),
          section(
              "ratings",
              "select post_id, stars, rated_at from post_rating where person_id = ? order by post_id",
              "postId",
              "stars",
              "ratedAt"),
          section(
              "flags",
              "select post_id, reason, flagged_at, resolved_at from post_flag where person_id = ?"
                  + " order by post_id",
              "postId",
              "reason",
              "flaggedAt",
              "resolvedAt"),
          section(
              "notifications",
              "select id, kind, space_id, post_id, detail, created_at, read_at from notification"
                  + " where person_id = ? order by id",
              "id",
              "kind",
              "spaceId",
              "postId",
              "detail",
              "createdAt",
              "readAt"),
          section(
              "mailPreference",
              "select digest, at_once, last_digest_at from mail_preference where person_id = ?",
              "digest",
              "atOnce",
              "lastDigestAt"),
          section(
              "activity",
              "select event_type, space_id, post_id, occurred_at from activity_event"
                  + " where person_id = ? order by occurred_at, id",
              "type",
              "spaceId",
              "postId",
              "occurredAt"),
          section(
              "courseRoles",
              "select course_id, roles, active, updated_at from roster_entry where person_id = ?"
                  + " order by course_id",
              "courseId",
              "roles",
              "active",
              "updatedAt"),
          section(
              "lmsGroups",
              "select course_id, group_ids, seen_at from lms_group_membership where person_id = ?"
                  + " order by course_id",
              "courseId",
              "groupIds",
              "seenAt"),
          section(
              "grades",
              "select resource_link_id, score_given, score_maximum, status, updated_at"
                  + " from grade_record where person_id = ? order by resource_link_id",
              "resourceLinkId",
              "scoreGiven",
              "scoreMaximum",
              "status",
              "updatedAt"),
          new Section(
              "completions",
              "select course_id, module_id, completed_at, source from learner_completion"
                  + " where subject = ? and course_id in (select id from course where platform_id = ?)"
                  + " order by course_id, module_id",
              List.of("courseId", "moduleId", "completedAt", "source"),
              2));

  private static Section section(String name, String sql, String... columns) {
    return new Section(name, sql, List.of(columns), 1);
  }

  private final EntityManager em;
  private final Clock clock;

  @Inject
  public PersonalData(EntityManager em, Clock clock) {
    this.em = em;
    this.clock = clock;
  }

  /** What was erased: how many records of each kind went, and how many posts stay, anonymous. */
  public record Erasure(long personId, Map<String, Integer> deleted, int postsKept) {}

  private Person person(long personId) {
    Person person = em.find(Person.class, personId);
    if (person == null) {
      throw new NotFoundException("person-not-found", "No person has the id " + personId);
    }
    return person;
  }

  /** Everything about the person, as plain values ready for JSON (GDPR Art. 15 and 20). */
  public Map<String, Object> export(long personId) {
    Person person = person(personId);
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("exportedAt", clock.instant().toString());
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("id", person.id());
    profile.put("platform", person.platform().issuer());
    profile.put("subject", person.isErased() ? null : person.subject());
    profile.put("name", person.name());
    profile.put("givenName", person.givenName());
    profile.put("familyName", person.familyName());
    profile.put("email", person.email());
    profile.put("pictureUrl", person.pictureUrl());
    profile.put("locale", person.locale());
    profile.put("firstSeen", person.createdAt().toString());
    profile.put("erased", person.isErased());
    export.put("profile", profile);
    for (Section section : SECTIONS) {
      export.put(section.name(), rows(section, person));
    }
    return export;
  }

  private List<Map<String, Object>> rows(Section section, Person person) {
    var query = em.createNativeQuery(section.sql());
    query.setParameter(1, section.parameters() == 2 ? (Object) person.subject() : person.id());
    if (section.parameters() == 2) {
      query.setParameter(2, person.platform().id());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object result : query.getResultList()) {
      Object[] values = result instanceof Object[] many ? many : new Object[] {result};
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < section.columns().size(); i++) {
        row.put(section.columns().get(i), plain(values[i]));
      }
      rows.add(row);
    }
    return rows;
  }

  private static Object plain(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof java.sql.Clob || value instanceof char[]) {
      return String.valueOf(value);
    }
    return value;
  }

  /**
   * Erases the person (GDPR Art. 17): their names, address and LMS identity, their activity,
   * notifications, mail, roster and grade records, completions and chosen topics. Their posts,
   * ratings and flags stay, so threads and aggregates stay whole, attributed to a deleted member;
   * analytics, computed from what remains, no longer count them as active. Idempotent.
   */
  public Erasure erase(long personId) {
    Person person = person(personId);
    Map<String, Integer> deleted = new LinkedHashMap<>();
    deleted.put(
        "completions",
        em.createNativeQuery(
                "delete from learner_completion where subject = ?"
                    + " and course_id in (select id from course where platform_id = ?)")
            .setParameter(1, person.subject())
            .setParameter(2, person.platform().id())
            .executeUpdate());
    deleted.put("activity", delete("delete from activity_event where person_id = ?", personId));
    // The mail first: a notification's e-mail refers to it.
    deleted.put("mail", delete("delete from mail_outbox where person_id = ?", personId));
    deleted.put("notifications", delete("delete from notification where person_id = ?", personId));
    delete("update notification set actor_id = null where actor_id = ?", personId);
    deleted.put(
        "mailPreference", delete("delete from mail_preference where person_id = ?", personId));
    deleted.put("courseRoles", delete("delete from roster_entry where person_id = ?", personId));
    deleted.put(
        "lmsGroups", delete("delete from lms_group_membership where person_id = ?", personId));
    deleted.put("grades", delete("delete from grade_record where person_id = ?", personId));
    // A SharePoint sign-in of the same account after this makes a new person, as a launch does.
    deleted.put(
        "directoryAccounts", delete("delete from directory_account where person_id = ?", personId));
    deleted.put("siteRosters", delete("delete from intranet_member where person_id = ?", personId));
    deleted.put(
        "topics",
        delete(
            "delete from member_topic where member_id in"
                + " (select id from cohort_member where person_id = ?)",
            personId));
    delete("update cohort_member set active = false where person_id = ?", personId);
    person.erase(clock.instant());
    em.flush();
    // The posts stay, by a "Deleted member" now, on pages every node may have kept.
    new CohortRevisions(em).raiseWhereAuthor(person);
    int posts =
        ((Number)
                em.createNativeQuery("select count(*) from post where author_id = ?")
                    .setParameter(1, personId)
                    .getSingleResult())
            .intValue();
    return new Erasure(personId, deleted, posts);
  }

  private int delete(String sql, long personId) {
    return em.createNativeQuery(sql).setParameter(1, personId).executeUpdate();
  }
}
