package org.peerloop.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peerloop.course.Course;
import org.peerloop.course.CourseRepository;
import org.peerloop.errors.NotFoundException;
import org.peerloop.people.PersonRepository;
import org.peerloop.platform.Platform;
import org.peerloop.platform.PlatformRepository;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.platform.ProductFamily;

/** The transactional side of {@link ProbeResource}. */
@ApplicationScoped
public class ProbeService {

  @Inject PlatformRepository platforms;
  @Inject CourseRepository courses;
  @Inject PersonRepository people;
  @Inject Clock clock;

  @Transactional
  public long register(ProbeResource.PlatformRequest request, boolean failAfterWriting) {
    Platform platform =
        new Platform(
            request.issuer(),
            request.clientId(),
            request.issuer() + "/auth",
            request.issuer() + "/token",
            request.issuer() + "/jwks",
            ProductFamily.MOODLE,
            PlatformStatus.ACTIVE,
            clock.instant());
    platform.addDeployment(request.deploymentId());
    long id = platforms.add(platform).id();
    if (failAfterWriting) {
      throw new IllegalStateException("failure after the platform was written");
    }
    return id;
  }

  @Transactional
  public Map<String, Object> describe(String issuer, String clientId) {
    Platform p = platform(issuer, clientId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", p.id());
    out.put("issuer", p.issuer());
    out.put("clientId", p.clientId());
    out.put("deploymentIds", p.deploymentIds().stream().sorted().toList());
    return out;
  }

  @Transactional
  public Map<String, Object> recordCourse(ProbeResource.CourseRequest request) {
    Course course =
        courses.recordContext(
            platform(request.issuer(), request.clientId()),
            request.contextId(),
            request.title(),
            null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", course.id());
    out.put("title", course.title());
    return out;
  }

  /** How many people and courses a platform has: to show a refused launch wrote nothing. */
  @Transactional
  public Map<String, Object> footprint(
      String issuer, String clientId, String subject, String context) {
    Platform p = platform(issuer, clientId);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("people", people.findBySubject(p, subject).isPresent() ? 1 : 0);
    out.put("courses", courses.findByContext(p, context).isPresent() ? 1 : 0);
    return out;
  }

  private Platform platform(String issuer, String clientId) {
    return platforms
        .findByIssuerAndClientId(issuer, clientId)
        .orElseThrow(
            () -> new NotFoundException("platform-not-found", "No such platform registered"));
  }
}
