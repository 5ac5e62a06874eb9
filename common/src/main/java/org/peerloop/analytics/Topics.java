package org.peerloop.analytics;

import java.util.Set;
import java.util.stream.Collectors;

/** Narrows facts to one topic or #tag: its threads, their replies, ratings of any of those. */
final class Topics {
  private Topics() {}

  static CohortFacts only(CohortFacts facts, String topic) {
    Set<Long> threads =
        facts.threads().stream()
            .filter(t -> t.tags().contains(topic))
            .map(CohortFacts.Thread::id)
            .collect(Collectors.toSet());
    Set<Long> replies =
        facts.replies().stream()
            .filter(r -> threads.contains(r.thread()))
            .map(CohortFacts.Reply::id)
            .collect(Collectors.toSet());
    return new CohortFacts(
        facts.roster(),
        facts.viewers(),
        facts.threads().stream().filter(t -> threads.contains(t.id())).toList(),
        facts.replies().stream().filter(r -> replies.contains(r.id())).toList(),
        facts.ratings().stream()
            .filter(r -> threads.contains(r.post()) || replies.contains(r.post()))
            .toList());
  }
}
