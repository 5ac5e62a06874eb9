package org.peerloop.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Who exchanges with whom (PRODUCT.md): a reply is an edge from the replier to the thread's author,
 * a rating or endorsement an edge from the giver to the post's author; talking to oneself is no
 * edge. Per person: the ego network (distinct people exchanged with, either way), two-way ties
 * (people with edges both ways), help received (replies received on their threads plus ratings and
 * endorsements received on their answers) and betweenness centrality on the reply graph (JGraphT,
 * Brandes' algorithm, normalised), which finds the brokers between groups.
 *
 * <p><b>Go-to people</b> rank by a combined score: help received divided by the cohort's highest,
 * plus betweenness divided by the cohort's highest; each part is 0 to 1, the score 0 to 2. People
 * with a score of 0 are never go-to people.
 */
public final class InteractionGraph {
  /** How many go-to people a cohort shows. */
  public static final int GO_TO_PEOPLE = 5;

  /** One person's place in the network. */
  public record Person(
      long id,
      int egoNetwork,
      int twoWayTies,
      int helpReceived,
      double betweenness,
      double goToScore) {}

  /**
   * What one person gave another: replies to their threads and ratings or endorsements of their
   * posts. The network picture draws these.
   */
  public record Tie(long from, long to, int replies, int ratings) {}

  private final Map<Long, Person> people;
  private final List<Tie> ties;

  private InteractionGraph(Map<Long, Person> people, List<Tie> ties) {
    this.people = people;
    this.ties = ties;
  }

  public static InteractionGraph of(CohortFacts facts) {
    Map<Long, Long> threadAuthors = new HashMap<>();
    facts.threads().forEach(t -> threadAuthors.put(t.id(), t.author()));
    Set<Long> everyone = new HashSet<>(facts.roster());
    Graph<Long, DefaultEdge> replies = new DefaultDirectedGraph<>(DefaultEdge.class);
    Map<Long, Set<Long>> out = new HashMap<>();
    Map<Long, Set<Long>> in = new HashMap<>();
    Map<Long, Integer> help = new HashMap<>();
    Map<List<Long>, int[]> given = new HashMap<>();
    for (CohortFacts.Reply reply : facts.replies()) {
      Long author = threadAuthors.get(reply.thread());
      if (author == null || author == reply.author()) {
        continue;
      }
      link(out, in, reply.author(), author);
      given.computeIfAbsent(List.of(reply.author(), author), k -> new int[2])[0]++;
      help.merge(author, 1, Integer::sum);
      replies.addVertex(reply.author());
      replies.addVertex(author);
      replies.addEdge(reply.author(), author);
      everyone.add(reply.author());
      everyone.add(author);
    }
    for (CohortFacts.Rating rating : facts.ratings()) {
      if (rating.giver() == rating.postAuthor()) {
        continue;
      }
      link(out, in, rating.giver(), rating.postAuthor());
      given.computeIfAbsent(List.of(rating.giver(), rating.postAuthor()), k -> new int[2])[1]++;
      if (rating.onReply()) {
        help.merge(rating.postAuthor(), 1, Integer::sum);
      }
      everyone.add(rating.giver());
      everyone.add(rating.postAuthor());
    }
    Map<Long, Double> betweenness =
        replies.vertexSet().isEmpty()
            ? Map.of()
            : new BetweennessCentrality<>(replies, true).getScores();
    int maxHelp = help.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    double maxBetweenness =
        betweenness.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    Map<Long, Person> people = new HashMap<>();
    for (long id : everyone) {
      Set<Long> outs = out.getOrDefault(id, Set.of());
      Set<Long> ins = in.getOrDefault(id, Set.of());
      Set<Long> ego = new HashSet<>(outs);
      ego.addAll(ins);
      int twoWay = (int) outs.stream().filter(ins::contains).count();
      int helped = help.getOrDefault(id, 0);
      double between = betweenness.getOrDefault(id, 0.0);
      double score =
          (maxHelp == 0 ? 0 : (double) helped / maxHelp)
              + (maxBetweenness == 0 ? 0 : between / maxBetweenness);
      people.put(id, new Person(id, ego.size(), twoWay, helped, between, score));
    }
    List<Tie> ties = new ArrayList<>(given.size());
    given.forEach(
        (pair, counts) -> ties.add(new Tie(pair.get(0), pair.get(1), counts[0], counts[1])));
    ties.sort(Comparator.comparingLong(Tie::from).thenComparingLong(Tie::to));
    return new InteractionGraph(people, ties);
  }

  private static void link(Map<Long, Set<Long>> out, Map<Long, Set<Long>> in, long from, long to) {
    out.computeIfAbsent(from, k -> new HashSet<>()).add(to);
    in.computeIfAbsent(to, k -> new HashSet<>()).add(from);
  }

  public Person person(long id) {
    return people.getOrDefault(id, new Person(id, 0, 0, 0, 0, 0));
  }

  public List<Person> people() {
    List<Person> all = new ArrayList<>(people.values());
    all.sort(Comparator.comparingLong(Person::id));
    return all;
  }

  /** Every tie, by giver then receiver. */
  public List<Tie> ties() {
    return ties;
  }

  /** The top of the go-to score, highest first (ties by id, so the list is stable). */
  public List<Person> goToPeople() {
    return people.values().stream()
        .filter(p -> p.goToScore() > 0)
        .sorted(
            Comparator.comparingDouble(Person::goToScore).reversed().thenComparingLong(Person::id))
        .limit(GO_TO_PEOPLE)
        .toList();
  }

  /** The same metrics over the threads with this #tag or topic, their replies and ratings. */
  public static InteractionGraph onTopic(CohortFacts facts, String topic) {
    return of(Topics.only(facts, topic));
  }
}
