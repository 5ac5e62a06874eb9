package org.peerloop.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerloop.analytics.CohortFacts;
import org.peerloop.analytics.CohortReport;
import org.peerloop.analytics.Continuity;
import org.peerloop.analytics.Engagement;
import org.peerloop.analytics.InteractionGraph;
import org.peerloop.post.Post;

/** The analytics as the API sends them; numbers as computed, people by name. */
public final class AnalyticsViews {
  private AnalyticsViews() {}

  /** How many go-to people each topic shows. */
  static final int PER_TOPIC = 3;

  public record Segments(int nonParticipants, int consumers, int contributors, int creators) {}

  public record GoTo(
      long personId, String name, int helpReceived, double betweenness, double score) {
    static GoTo of(InteractionGraph.Person p, Map<Long, String> names) {
      return new GoTo(p.id(), names.get(p.id()), p.helpReceived(), p.betweenness(), p.goToScore());
    }
  }

  public record TopicGoTo(String topic, List<String> names) {}

  /** How many people the network picture shows: beyond that it is a hairball, not a picture. */
  static final int NETWORK_PEOPLE = 40;

  /** A person in the network picture. */
  public record NetworkPerson(
      long personId, String name, int egoNetwork, int helpReceived, boolean goTo) {}

  /** What one person gave another: replies to their threads, ratings of their posts. */
  public record NetworkTie(long from, long to, int replies, int ratings) {}

  /**
   * The interaction network as the picture draws it: the {@link #NETWORK_PEOPLE} people with the
   * largest ego networks (of {@code peopleInNetwork} with any tie) and the ties between them.
   */
  public record Network(int peopleInNetwork, List<NetworkPerson> people, List<NetworkTie> ties) {
    static Network of(InteractionGraph graph, Map<Long, String> names) {
      Set<Long> tied = new HashSet<>();
      graph
          .ties()
          .forEach(
              t -> {
                tied.add(t.from());
                tied.add(t.to());
              });
      Set<Long> goTo = new HashSet<>();
      graph.goToPeople().forEach(p -> goTo.add(p.id()));
      List<InteractionGraph.Person> shown =
          tied.stream()
              .map(graph::person)
              .sorted(
                  Comparator.comparingInt(InteractionGraph.Person::egoNetwork)
                      .reversed()
                      .thenComparing(
                          Comparator.comparingDouble(InteractionGraph.Person::goToScore).reversed())
                      .thenComparingLong(InteractionGraph.Person::id))
              .limit(NETWORK_PEOPLE)
              .toList();
      Set<Long> ids = new HashSet<>();
      shown.forEach(p -> ids.add(p.id()));
      return new Network(
          tied.size(),
          shown.stream()
              .map(
                  p ->
                      new NetworkPerson(
                          p.id(),
                          names.get(p.id()),
                          p.egoNetwork(),
                          p.helpReceived(),
                          goTo.contains(p.id())))
              .toList(),
          graph.ties().stream()
              .filter(t -> ids.contains(t.from()) && ids.contains(t.to()))
              .map(t -> new NetworkTie(t.from(), t.to(), t.replies(), t.ratings()))
              .toList());
    }
  }

  /** One member's numbers: the CSV export has the same columns. */
  public record MemberRow(
      long personId,
      String name,
      String segment,
      String persona,
      int threads,
      int replies,
      int ratingsGiven,
      int given,
      int received,
      int egoNetwork,
      int twoWayTies,
      int helpReceived,
      double betweenness,
      double goToScore) {
    static MemberRow of(CohortReport.Member m, Map<Long, String> names) {
      InteractionGraph.Person n = m.network();
      return new MemberRow(
          m.id(),
          names.get(m.id()),
          m.segment().name(),
          m.persona().name(),
          m.threads(),
          m.replies(),
          m.ratingsGiven(),
          m.given(),
          m.received(),
          n.egoNetwork(),
          n.twoWayTies(),
          n.helpReceived(),
          n.betweenness(),
          n.goToScore());
    }
  }

  public record WeekView(String start, int activePeople, int posts, int stories, int tagged) {}

  /** A post in a list: unanswered questions, applied-at-work stories. */
  public record PostLine(
      long postId,
      String title,
      String author,
      String at,
      String appliedWhat,
      String appliedResult) {
    static PostLine of(Post p) {
      return new PostLine(
          p.id(),
          p.title(),
          p.author().displayName(),
          p.createdAt().toString(),
          p.appliedWhat(),
          p.appliedResult());
    }
  }

  public record TagCount(String tag, int threads) {}

  public record ContinuityView(double fourWeeks, double eightWeeks) {}

  /** Every metric of PRODUCT.md for the period. */
  public record Report(
      String from,
      String to,
      int roster,
      Segments segments,
      double engagementRate,
      double reach,
      double topTenPercentShare,
      double gini,
      double replyPostRatio,
      double reciprocity,
      int questions,
      double questionsAnswered,
      Long medianFirstReplySeconds,
      List<GoTo> goToPeople,
      List<TopicGoTo> goToByTopic,
      Network network,
      List<WeekView> weeks,
      List<PostLine> unansweredQuestions,
      List<PostLine> appliedStories,
      List<TagCount> tags,
      ContinuityView continuity,
      List<MemberRow> members) {

    static Report of(
        CohortReport r,
        AnalyticsService.Period period,
        Map<Long, String> names,
        List<String> spaceTopics,
        CohortFacts facts,
        List<Engagement.Week> weeks,
        List<Post> unanswered,
        List<Post> stories,
        Continuity continuity) {
      Map<String, Integer> tagCounts = new java.util.TreeMap<>();
      facts.threads().forEach(t -> t.tags().forEach(tag -> tagCounts.merge(tag, 1, Integer::sum)));
      var s = r.segments();
      Set<String> topics = new LinkedHashSet<>(spaceTopics);
      facts.threads().forEach(t -> topics.addAll(t.tags()));
      List<TopicGoTo> byTopic = new ArrayList<>();
      for (String topic : topics) {
        List<String> top =
            InteractionGraph.onTopic(facts, topic).goToPeople().stream()
                .limit(PER_TOPIC)
                .map(p -> names.get(p.id()))
                .toList();
        if (!top.isEmpty()) {
          byTopic.add(new TopicGoTo(topic, top));
        }
      }
      return new Report(
          period.from().toString(),
          period.to().toString(),
          s.roster(),
          new Segments(s.nonParticipants(), s.consumers(), s.contributors(), s.creators()),
          s.engagementRate(),
          s.reach(),
          r.inequality().topTenPercentShare(),
          r.inequality().gini(),
          r.conversation().replyPostRatio(),
          r.conversation().reciprocity(),
          r.conversation().questions(),
          r.conversation().questionsAnswered(),
          r.conversation().medianFirstReply().map(d -> d.toSeconds()).orElse(null),
          r.goToPeople().stream().map(p -> GoTo.of(p, names)).toList(),
          byTopic,
          Network.of(r.network(), names),
          weeks.stream()
              .map(
                  w ->
                      new WeekView(
                          w.start().toString(),
                          w.activePeople(),
                          w.posts(),
                          w.stories(),
                          w.tagged()))
              .toList(),
          unanswered.stream().map(PostLine::of).toList(),
          stories.stream().map(PostLine::of).toList(),
          tagCounts.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .limit(20)
              .map(e -> new TagCount(e.getKey(), e.getValue()))
              .toList(),
          continuity == null
              ? null
              : new ContinuityView(continuity.fourWeeks(), continuity.eightWeeks()),
          r.members().stream().map(m -> MemberRow.of(m, names)).toList());
    }
  }
}
