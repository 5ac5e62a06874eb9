package org.peerloop.insights;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peerloop.analytics.CohortFacts;
import org.peerloop.analytics.CohortReport;
import org.peerloop.analytics.InteractionGraph;

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
      List<MemberRow> members) {

    static Report of(
        CohortReport r,
        AnalyticsService.Period period,
        Map<Long, String> names,
        List<String> spaceTopics,
        CohortFacts facts) {
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
          r.members().stream().map(m -> MemberRow.of(m, names)).toList());
    }
  }
}
