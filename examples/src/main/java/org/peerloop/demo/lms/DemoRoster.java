package org.peerloop.demo.lms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course roster the demo's Names and Roles service reports: the demo people, plus any a test or
 * benchmark enrols, with a version on every change so the service can answer "differences since".
 */
public final class DemoRoster {
  /** A person on the roster; {@code role} is Moodle's short role name. */
  public record Entry(
      String userId,
      String givenName,
      String familyName,
      String email,
      String role,
      String status,
      long version) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private long version;

  DemoRoster() {
    for (DemoCourse.User user : DemoCourse.USERS) {
      entries.put(
          user.id(),
          new Entry(
              user.id(),
              user.givenName(),
              user.familyName(),
              user.email(),
              user.role(),
              "Active",
              0));
    }
  }

  /** Enrols {@code count} more learners, numbered from {@code firstId}. */
  public synchronized void enrolLearners(int firstId, int count) {
    version++;
    for (int i = 0; i < count; i++) {
      String id = String.valueOf(firstId + i);
      entries.put(
          id,
          new Entry(
              id, "Learner", id, "learner" + id + "@example.edu", "Learner", "Active", version));
    }
  }

  /** Unenrols someone: the next differences report them as deleted. */
  public synchronized void unenrol(String userId) {
    Entry e = entries.get(userId);
    if (e != null) {
      version++;
      entries.put(userId, withStatus(e, e.role(), "Deleted"));
    }
  }

  /** Gives someone another role in the course. */
  public synchronized void changeRole(String userId, String role) {
    Entry e = entries.get(userId);
    if (e != null) {
      version++;
      entries.put(userId, withStatus(e, role, e.status()));
    }
  }

  private Entry withStatus(Entry e, String role, String status) {
    return new Entry(e.userId(), e.givenName(), e.familyName(), e.email(), role, status, version);
  }

  /** Everyone enrolled now (a full roster leaves out who was deleted). */
  synchronized List<Entry> current() {
    return entries.values().stream().filter(e -> !"Deleted".equals(e.status())).toList();
  }

  /** Whoever changed after {@code since}, deleted people included. */
  synchronized List<Entry> changedSince(long since) {
    List<Entry> changed = new ArrayList<>();
    entries.values().stream().filter(e -> e.version() > since).forEach(changed::add);
    return changed;
  }

  synchronized long version() {
    return version;
  }

  synchronized boolean isEnrolled(String userId) {
    Entry e = entries.get(userId);
    return e != null && !"Deleted".equals(e.status());
  }
}
