package org.peerloop.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.Set;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.lti.deeplinking.DeepLinkingRequest;
import org.peerloop.lti.deeplinking.DeepLinkingTicket;
import org.peerloop.lti.platform.CachedPlatformKeys;
import org.peerloop.lti.platform.PlatformDirectory;
import org.peerloop.lti.platform.Registration;
import org.peerloop.lti.roles.Role;
import org.peerloop.lti.roles.RoleMap;
import org.peerloop.lti.session.SessionTokenCodec;
import org.peerloop.lti.session.SessionTokens;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.people.Person;
import org.peerloop.people.PersonRepository;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.settings.Settings;
import org.peerloop.text.LogText;

/**
 * Turns a posted launch into a session: validates it, then records the person, the course and the
 * resource link from its claims, all in one transaction, so a refused launch writes nothing.
 */
@ApplicationScoped
public class LaunchService {

  @Inject PlatformDirectory directory;
  @Inject CachedPlatformKeys platformKeys;
  @Inject DatabaseLaunchLedger ledger;
  @Inject PersonRepository people;
  @Inject CourseRepository courses;
  @Inject LastLaunches lastLaunches;
  @Inject SessionTokens sessions;
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(LaunchService.class.getName());

  @Inject ToolSecrets secrets;
  @Inject LaunchQuota quota;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<LaunchRecorded> launched;

  /**
   * Checks a launch and uses up its nonce and login state, in a transaction of its own: recording
   * the launch may lose a race to another request (a roster read inserting the same person) and be
   * run again, which must not meet its own nonce as a replay.
   */
  @Transactional
  public ValidLaunch validate(String idToken, String state) {
    ValidLaunch launch =
        new LaunchValidator(directory, platformKeys, ledger, clock, settings.baseUrl())
            .validate(idToken, state);
    OptionalLong wait = quota.admit(launch.registration().platformId(), launch.subject());
    if (wait.isPresent()) {
      throw LaunchRefusedException.tooMany(wait.getAsLong(), launch.registration());
    }
    return launch;
  }

  /** Records a checked launch: its person, course and link; safe to run again after a conflict. */
  @Transactional
  public LaunchOutcome record(ValidLaunch launch, String state) {
    if (launch.storageTarget() != null) {
      Registration platform = launch.registration();
      return new LaunchOutcome.NeedsBinding(
          binding().ticket(launch),
          state,
          launch.storageTarget(),
          platform.profile().storageOrigin(platform.issuer()),
          launch.locale(),
          platform.frameOrigins());
    }
    return complete(launch);
  }

  /** The second step of a launch bound through platform storage. */
  @Transactional
  public LaunchOutcome.Session bind(String ticket, String storedNonce) {
    LaunchBinding.Redeemed redeemed = binding().redeem(ticket, storedNonce);
    Registration platform =
        directory
            .byId(redeemed.platformId())
            .filter(r -> r.status() == PlatformStatus.ACTIVE)
            .orElseThrow(() -> new LaunchRefusedException(Refusal.PLATFORM_DISABLED, null));
    String messageType = String.valueOf(redeemed.claims().getClaim(LtiClaims.MESSAGE_TYPE));
    return complete(
        new ValidLaunch(
            platform,
            MessageType.fromClaim(messageType).orElseThrow(),
            redeemed.claims(),
            null,
            null));
  }

  private LaunchOutcome.Session complete(ValidLaunch launch) {
    Person person =
        people.recordProfile(
            launch.registration().platformId(), launch.subject(), launch.profile());
    var platform = person.platform();
    Course course =
        courses.recordContext(
            platform, launch.contextId(), launch.contextTitle(), launch.contextLabel());
    Long linkId =
        launch
            .resourceLinkId()
            .map(
                id ->
                    courses.recordResourceLink(
                        course,
                        launch.deploymentId(),
                        id,
                        launch.resourceLinkTitle(),
                        launch.resourceLinkDescription()))
            .map(
                link -> {
                  launch
                      .gradeService()
                      .filter(
                          g ->
                              servedBy(platform, g.lineItems()) && servedBy(platform, g.lineItem()))
                      .ifPresent(
                          g ->
                              link.useGradeService(
                                  g.lineItems(), g.lineItem(), String.join(" ", g.scopes())));
                  return link.id();
                })
            .orElse(null);
    launch
        .membershipsUrl()
        .filter(url -> servedBy(platform, url))
        .ifPresent(course::useMembershipsUrl);
    lastLaunches.launched(platform.id(), clock.instant());
    Set<Role> roles = RoleMap.map(launch.roles());
    launched.fire(
        new LaunchRecorded(
            platform.id(), person.id(), course.id(), linkId, launch.custom(), roles));
    SessionTokenCodec.IssuedToken token =
        sessions.issue(person.id(), platform.id(), course.id(), linkId, roles);
    return new LaunchOutcome.Session(
        token.token(),
        token.expiresAt(),
        person.displayName(),
        course.title(),
        launch.locale(),
        roles.stream().map(Enum::name).sorted().toList(),
        launch.messageType(),
        launch.returnUrl().orElse(null),
        launch.registration().frameOrigins(),
        launch.messageType() == MessageType.DEEP_LINKING
            ? deepLinkingTicket().issue(DeepLinkingRequest.of(launch, person.id(), course.id()))
            : null);
  }

  /**
   * Whether a service URL of a launch is on a host of the platform's: PeerLoop sends the platform's
   * access token there. Any other is left unused (the launch itself goes on) and logged for IT, who
   * can list the host in the registration's service hosts.
   */
  private static boolean servedBy(Platform platform, String url) {
    if (url == null || platform.servesFrom(url)) {
      return true;
    }
    LOG.warning(
        () ->
            "Ignoring a service URL of "
                + LogText.oneLine(platform.issuer())
                + " on a host it did not register: "
                + LogText.oneLine(url)
                + " (add the host to the platform's service hosts if it is the LMS's)");
    return false;
  }

  private DeepLinkingTicket deepLinkingTicket() {
    return new DeepLinkingTicket(secrets.ring(ToolSecrets.DEEP_LINKING), clock);
  }

  private LaunchBinding binding() {
    return new LaunchBinding(secrets.ring(ToolSecrets.LAUNCH_BINDING), clock);
  }
}
