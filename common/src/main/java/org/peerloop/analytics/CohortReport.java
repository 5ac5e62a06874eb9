package org.peerloop.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every metric of one group of people over one period, and each member's own. */
public record CohortReport(
    Segments segments,
    Inequality inequality,
    Conversation conversation,
    InteractionGraph network,
    List<Member> members) {

  /** The top of the go-to score (see {@link InteractionGraph}). */
  public List<InteractionGraph.Person> goToPeople() {
    return network.goToPeople();
  }

  /** One member's numbers. */
  public record Member(
      long id,
      Segment segment,
      Persona persona,
      int threads,
      int replies,
      int ratingsGiven,
      int given,
      int received,
      InteractionGraph.Person network) {}

  /** The segment a member is in (see {@link Segments}). */
  public enum Segment {
    NON_PARTICIPANT,
    CONSUMER,
    CONTRIBUTOR,
    CREATOR
  }

  public static CohortReport of(CohortFacts facts) {
    InteractionGraph graph = InteractionGraph.of(facts);
    Map<Long, Long> threadAuthors = new HashMap<>();
    Map<Long, Integer> threads = new HashMap<>();
    Map<Long, Integer> replies = new HashMap<>();
    Map<Long, Integer> ratings = new HashMap<>();
    Map<Long, Integer> given = new HashMap<>();
    Map<Long, Integer> received = new HashMap<>();
    for (CohortFacts.Thread t : facts.threads()) {
      threadAuthors.put(t.id(), t.author());
      threads.merge(t.author(), 1, Integer::sum);
    }
    for (CohortFacts.Reply r : facts.replies()) {
      replies.merge(r.author(), 1, Integer::sum);
      Long author = threadAuthors.get(r.thread());
      if (author != null && author != r.author()) {
        given.merge(r.author(), 1, Integer::sum);
        received.merge(author, 1, Integer::sum);
      }
    }
    for (CohortFacts.Rating r : facts.ratings()) {
      ratings.merge(r.giver(), 1, Integer::sum);
      if (r.giver() != r.postAuthor()) {
        given.merge(r.giver(), 1, Integer::sum);
        received.merge(r.postAuthor(), 1, Integer::sum);
      }
    }
    Segments.Classifier classify = new Segments.Classifier(facts);
    List<Member> members =
        facts.roster().stream()
            .sorted()
            .map(
                id -> {
                  int started = threads.getOrDefault(id, 0);
                  int wrote = replies.getOrDefault(id, 0);
                  int rated = ratings.getOrDefault(id, 0);
                  int gave = given.getOrDefault(id, 0);
                  int got = received.getOrDefault(id, 0);
                  return new Member(
                      id,
                      classify.segmentOf(id),
                      Persona.of(started, gave, got),
                      started,
                      wrote,
                      rated,
                      gave,
                      got,
                      graph.person(id));
                })
            .toList();
    return new CohortReport(
        Segments.of(facts), Inequality.of(facts), Conversation.of(facts), graph, members);
  }
}
