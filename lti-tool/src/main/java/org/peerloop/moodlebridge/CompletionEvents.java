package org.peerloop.moodlebridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.peerloop.bridge.BridgeEvent;
import org.peerloop.bridge.MoodleBridge;
import org.peerloop.completion.CompletionSource;
import org.peerloop.completion.LearnerCompletion;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.errors.NotFoundException;
import org.peerloop.keys.SecretBox;
import org.peerloop.moodle.webhook.MoodleEvent;
import org.peerloop.moodle.webhook.WebhookRefusal;
import org.peerloop.moodle.webhook.WebhookSignature;
import org.peerloop.platform.Platform;

/**
 * Takes one event from a Moodle site's plugin, in one transaction: read it, find its site's bridge,
 * check the signature with that bridge's secret, claim its id (a second delivery finds it taken and
 * changes nothing), and record what it says. Nothing is written for a refused event.
 */
@ApplicationScoped
public class CompletionEvents {
  @Inject EntityManager em;
  @Inject SecretBox box;
  @Inject CourseRepository courses;
  @Inject SpaceOpenings openings;
  @Inject Clock clock;

  /**
   * @param status {@code processed}, {@code duplicate} (taken before), or {@code ignored} (taken,
   *     but it completes nothing: an activity marked incomplete, or failed)
   * @param opened the spaces that opened for the learner now
   */
  public record Outcome(String eventId, String status, List<Long> opened) {}

  /**
   * @throws WebhookRefusal for a malformed or badly signed event, and for an event of a site
   *     without a bridge: it is refused as badly signed, after the same work, so that nobody learns
   *     from the answer which sites are bridged
   * @throws NotFoundException for a course PeerLoop does not know (the signature proved the sender)
   */
  @Transactional
  public Outcome receive(String timestamp, String signature, byte[] body) {
    WebhookSignature.requireHeaders(timestamp, signature);
    MoodleEvent event = MoodleEvent.parse(body);
    Optional<MoodleBridge> found = bridgeOf(event.site());
    WebhookSignature.verify(
        found.map(b -> box.open(MoodleBridges.SECRET, b.webhookSecretSealed())).orElse(NO_BRIDGE),
        timestamp,
        signature,
        body,
        clock.instant());
    MoodleBridge bridge =
        found.orElseThrow(
            () ->
                new WebhookRefusal(
                    "signature-invalid",
                    "The signature does not match the body and the shared secret"));
    Platform platform = em.find(Platform.class, bridge.platformId());
    Course course =
        courses
            .findByContext(platform, String.valueOf(event.courseId()))
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "course-unknown",
                        "PeerLoop has no course "
                            + event.courseId()
                            + " of "
                            + bridge.siteUrl()
                            + ": it is known from its first launch"));
    BridgeEvent.Key key = new BridgeEvent.Key(bridge.platformId(), event.id());
    if (em.find(BridgeEvent.class, key) != null) {
      return new Outcome(event.id(), "duplicate", List.of());
    }
    em.persist(
        new BridgeEvent(bridge.platformId(), event.id(), event.type().name(), clock.instant()));
    em.flush();
    bridge.eventReceived(clock.instant());
    if (!event.isCompletion()) {
      return new Outcome(event.id(), "ignored", List.of());
    }
    List<Long> opened =
        openings.completed(
            course,
            String.valueOf(event.userId()),
            event.cmid().orElse(LearnerCompletion.COURSE),
            event.occurredAt(),
            CompletionSource.EVENT);
    return new Outcome(event.id(), "processed", opened);
  }

  /**
   * What an event of a site without a bridge is checked against: a random secret of this process,
   * which no sender knows, so the refusal is the one a forged signature gets.
   */
  private static final String NO_BRIDGE = randomSecret();

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  private Optional<MoodleBridge> bridgeOf(String site) {
    String normalised;
    try {
      normalised = MoodleBridge.normalised(site);
    } catch (RuntimeException e) {
      throw new WebhookRefusal("malformed-event", "The event is malformed: site is not a URL");
    }
    return em.createQuery(
            "select b from MoodleBridge b where b.siteUrl = :site", MoodleBridge.class)
        .setParameter("site", normalised)
        .getResultStream()
        .findFirst();
  }
}
