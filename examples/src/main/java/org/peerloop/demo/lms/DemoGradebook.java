package org.peerloop.demo.lms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The demo course's gradebook: line items and the latest score per item and user. */
public final class DemoGradebook {
  /** A grade column; {@code resourceLinkId} couples it to an activity. */
  public record LineItem(
      int id,
      String label,
      double scoreMaximum,
      String resourceLinkId,
      String resourceId,
      String tag) {}

  /** A score as the platform stored it. */
  public record Score(
      String userId,
      Double scoreGiven,
      double scoreMaximum,
      String activityProgress,
      String gradingProgress,
      Instant timestamp) {}

  private final Map<Integer, LineItem> items = new LinkedHashMap<>();
  private final Map<Integer, Map<String, Score>> scores = new ConcurrentHashMap<>();
  private final Set<String> notGradable = ConcurrentHashMap.newKeySet();
  private int nextId = 1;
  private int scorePosts;

  synchronized LineItem add(
      String label, double scoreMaximum, String resourceLinkId, String resourceId, String tag) {
    LineItem item = new LineItem(nextId++, label, scoreMaximum, resourceLinkId, resourceId, tag);
    items.put(item.id(), item);
    return item;
  }

  public synchronized List<LineItem> items() {
    return new ArrayList<>(items.values());
  }

  synchronized Optional<LineItem> item(int id) {
    return Optional.ofNullable(items.get(id));
  }

  /** The one item coupled to an activity, as Moodle puts it in the launch's AGS claim. */
  synchronized Optional<LineItem> itemOf(String resourceLinkId) {
    List<LineItem> coupled =
        items.values().stream().filter(i -> resourceLinkId.equals(i.resourceLinkId())).toList();
    return coupled.size() == 1 ? Optional.of(coupled.get(0)) : Optional.empty();
  }

  /** Stores a score; false when it is not newer than the stored one (Moodle answers 409). */
  synchronized boolean record(int itemId, Score score) {
    scorePosts++;
    Map<String, Score> byUser = scores.computeIfAbsent(itemId, k -> new ConcurrentHashMap<>());
    Score stored = byUser.get(score.userId());
    if (stored != null && !score.timestamp().isAfter(stored.timestamp())) {
      return false;
    }
    byUser.put(score.userId(), score);
    return true;
  }

  public synchronized Map<String, Score> scores(int itemId) {
    return Map.copyOf(scores.getOrDefault(itemId, Map.of()));
  }

  /** How many score posts arrived, accepted or not. */
  public synchronized int scorePosts() {
    return scorePosts;
  }

  /** Makes a user one the gradebook refuses, as Moodle does for people it cannot grade. */
  public void refuseScoresFor(String userId) {
    notGradable.add(userId);
  }

  boolean isGradable(String userId) {
    return !notGradable.contains(userId);
  }
}
