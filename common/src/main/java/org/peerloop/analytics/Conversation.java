package org.peerloop.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How conversations go (PRODUCT.md): the reply/post ratio, thread reciprocity (threads with at
 * least one reply from someone other than their author, over all threads), the share of questions
 * answered (a reply from someone else) and the median time to the first such reply.
 *
 * @param medianFirstReply over answered questions; empty when none was answered
 */
public record Conversation(
    double replyPostRatio,
    double reciprocity,
    int questions,
    double questionsAnswered,
    Optional<Duration> medianFirstReply) {

  public static Conversation of(CohortFacts facts) {
    Map<Long, Instant> firstReplyByOther = firstRepliesByOthers(facts);
    int threads = facts.threads().size();
    int posts = threads + facts.replies().size();
    int questions = 0;
    int answered = 0;
    List<Duration> waits = new ArrayList<>();
    for (CohortFacts.Thread thread : facts.threads()) {
      if (thread.kind() != CohortFacts.Kind.QUESTION) {
        continue;
      }
      questions++;
      Instant first = firstReplyByOther.get(thread.id());
      if (first != null) {
        answered++;
        waits.add(Duration.between(thread.at(), first));
      }
    }
    return new Conversation(
        posts == 0 ? 0 : (double) facts.replies().size() / posts,
        threads == 0 ? 0 : (double) firstReplyByOther.size() / threads,
        questions,
        questions == 0 ? 0 : (double) answered / questions,
        median(waits));
  }

  /** Each thread's first reply by someone other than its author, by thread. */
  static Map<Long, Instant> firstRepliesByOthers(CohortFacts facts) {
    Map<Long, Long> authors = new HashMap<>();
    facts.threads().forEach(t -> authors.put(t.id(), t.author()));
    Map<Long, Instant> first = new HashMap<>();
    for (CohortFacts.Reply reply : facts.replies()) {
      Long author = authors.get(reply.thread());
      if (author != null && author != reply.author()) {
        first.merge(reply.thread(), reply.at(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return first;
  }

  /** The questions nobody but their author has replied to, in the order of the facts. */
  public static List<Long> unansweredQuestions(CohortFacts facts) {
    Map<Long, Instant> answered = firstRepliesByOthers(facts);
    return facts.threads().stream()
        .filter(t -> t.kind() == CohortFacts.Kind.QUESTION && !answered.containsKey(t.id()))
        .map(CohortFacts.Thread::id)
        .toList();
  }

  static Optional<Duration> median(List<Duration> values) {
    if (values.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return Optional.of(
        n % 2 == 1
            ? sorted.get(n / 2)
            : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2));
  }
}
