package org.peerloop.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The interaction network on graphs whose centrality is known. */
class InteractionGraphTest {
  private static final double EPS = 1e-9;

  /**
   * A path 1 → 2 → 3 of replies (1 replies to 2's thread, 2 replies to 3's): only 2 lies on a
   * shortest path between others (1 to 3), once, of (n - 1)(n - 2) = 2 ordered pairs: normalised
   * betweenness 0.5 for 2, 0 for the ends.
   */
  /**
   * Replies and ratings between the same two people add up on one tie; talking to oneself is none.
   */
  @Test
  void tiesCountRepliesAndRatingsPerDirection() {
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3);
    long t2 = f.thread(2);
    long t1 = f.thread(1);
    f.reply(t2, 1);
    f.reply(t2, 1);
    long answer = f.reply(t1, 2);
    f.reply(t1, 1);
    f.rate(answer, 1, 2, true);
    f.rate(t2, 3, 2, false);

    assertEquals(
        List.of(
            new InteractionGraph.Tie(1, 2, 2, 1),
            new InteractionGraph.Tie(2, 1, 1, 0),
            new InteractionGraph.Tie(3, 2, 0, 1)),
        InteractionGraph.of(f.facts()).ties());
  }

  @Test
  void betweennessOnAPath() {
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3);
    long t2 = f.thread(2);
    long t3 = f.thread(3);
    f.reply(t2, 1);
    f.reply(t3, 2);
    InteractionGraph graph = InteractionGraph.of(f.facts());
    assertEquals(0.5, graph.person(2).betweenness(), EPS);
    assertEquals(0, graph.person(1).betweenness(), EPS);
    assertEquals(0, graph.person(3).betweenness(), EPS);
  }

  /**
   * Two triangles joined through a broker: 1, 2, 3 reply to each other both ways, as do 5, 6, 7; 4
   * and 3, and 4 and 5, too. Betweenness by hand (ordered pairs, 7 people, normalised by 6 · 5): 4
   * is on every path between {1, 2, 3} and {5, 6, 7}, 18 pairs; 3 on those between {1, 2} and {4,
   * 5, 6, 7}, 16 pairs, as is 5 the other way; the others on none.
   */
  @Test
  void brokersAndGoToPeopleOnTwoGroupsJoinedByOnePerson() {
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3, 4, 5, 6, 7, 8);
    long[] threads = new long[9];
    for (int p = 1; p <= 7; p++) {
      threads[p] = f.thread(p);
    }
    int[][] ties = {{1, 2}, {2, 3}, {1, 3}, {5, 6}, {6, 7}, {5, 7}, {3, 4}, {4, 5}};
    for (int[] tie : ties) {
      f.reply(threads[tie[1]], tie[0]);
      f.reply(threads[tie[0]], tie[1]);
    }
    InteractionGraph graph = InteractionGraph.of(f.facts());
    assertEquals(18.0 / 30, graph.person(4).betweenness(), EPS);
    assertEquals(16.0 / 30, graph.person(3).betweenness(), EPS);
    assertEquals(16.0 / 30, graph.person(5).betweenness(), EPS);
    assertEquals(0, graph.person(1).betweenness(), EPS);
    assertEquals(2, graph.person(4).egoNetwork());
    assertEquals(2, graph.person(4).twoWayTies());
    assertEquals(3, graph.person(3).egoNetwork());
    // Go-to score = help / 3 (the most help: 3 and 5 got replies from three people)
    // + betweenness / (18 / 30): 3 and 5 score 1 + 16/18, 4 scores 2/3 + 1, 1, 2, 6, 7 score 2/3.
    assertEquals(1 + 16.0 / 18, graph.person(3).goToScore(), EPS);
    assertEquals(2.0 / 3 + 1, graph.person(4).goToScore(), EPS);
    assertEquals(
        List.of(3L, 5L, 4L, 1L, 2L),
        graph.goToPeople().stream().map(InteractionGraph.Person::id).toList());
    assertEquals(0, graph.person(8).egoNetwork(), "8 took no part");
    assertEquals(0, graph.person(8).goToScore(), EPS);
  }

  @Test
  void helpReceivedCountsRepliesToOnesThreadsAndRatingsOfOnesAnswers() {
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3);
    long q = f.thread(1, CohortFacts.Kind.QUESTION);
    long answer = f.reply(q, 2);
    f.reply(q, 3);
    f.rate(answer, 1, 2, true); // 2's answer rated by 1
    f.rate(answer, 3, 2, true); // and by 3
    f.rate(q, 2, 1, false); // a rating of a thread start is not help on an answer
    f.rate(answer, 2, 2, true); // rating oneself counts for nothing
    InteractionGraph graph = InteractionGraph.of(f.facts());
    assertEquals(2, graph.person(1).helpReceived(), "two replies to 1's question");
    assertEquals(2, graph.person(2).helpReceived(), "two ratings of 2's answer");
    assertEquals(0, graph.person(3).helpReceived());
    // 1 and 2 rate each other and 2 replied to 1: a two-way tie between 1 and 2.
    assertEquals(1, graph.person(1).twoWayTies());
    assertEquals(2, graph.person(1).egoNetwork());
  }

  @Test
  void perTopicTheNetworkOfThoseThreadsOnly() {
    AnalyticsFixture f = new AnalyticsFixture().roster(1, 2, 3);
    long coaching = f.thread(1, CohortFacts.Kind.QUESTION, "coaching");
    long data = f.thread(2, CohortFacts.Kind.QUESTION, "data");
    f.reply(coaching, 3);
    f.reply(data, 1);
    f.reply(data, 3);
    List<InteractionGraph.Person> goTo =
        InteractionGraph.onTopic(f.facts(), "coaching").goToPeople();
    assertEquals(List.of(1L), goTo.stream().map(InteractionGraph.Person::id).toList());
    assertEquals(2L, InteractionGraph.onTopic(f.facts(), "data").goToPeople().get(0).id());
  }
}
