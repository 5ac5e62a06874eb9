package org.peerloop.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.peerloop.lti.platform.PlatformDirectory;
import org.peerloop.lti.platform.Registration;
import org.peerloop.platform.PlatformStatus;
import org.peerloop.settings.Settings;

/**
 * Starts a launch: checks the login initiation, records the login's one-time nonce, signs the state
 * that binds it (see {@link LoginStates}), and builds the authentication request to the platform.
 */
@ApplicationScoped
public class LoginService {
  /** Frame names are plain identifiers ({@code _parent}, {@code post_message_forwarding}). */
  private static final Pattern FRAME_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  @Inject PlatformDirectory directory;
  @Inject LoginStates states;
  @Inject Settings settings;

  @Transactional
  public AuthenticationRequest begin(LoginRequest login) {
    if (blank(login.issuer()) || blank(login.loginHint()) || blank(login.targetLinkUri())) {
      throw new LaunchRefusedException(
          Refusal.LOGIN_INCOMPLETE, "iss, login_hint and target_link_uri are required");
    }
    Registration platform =
        directory.forLogin(login.issuer(), login.clientId()).orElseThrow(() -> unknown(login));
    if (platform.status() == PlatformStatus.PENDING) {
      throw new LaunchRefusedException(Refusal.PLATFORM_PENDING, null, platform);
    }
    if (platform.status() != PlatformStatus.ACTIVE) {
      throw new LaunchRefusedException(Refusal.PLATFORM_DISABLED, null, platform);
    }
    if (!blank(login.deploymentId()) && !platform.deploymentIds().contains(login.deploymentId())) {
      throw new LaunchRefusedException(
          Refusal.DEPLOYMENT_UNKNOWN, "lti_deployment_id " + login.deploymentId(), platform);
    }
    if (!ToolUrls.isOurs(settings.baseUrl(), login.targetLinkUri())) {
      throw new LaunchRefusedException(
          Refusal.TARGET_LINK_FOREIGN, "target_link_uri " + login.targetLinkUri(), platform);
    }
    String storageTarget = storageTarget(login, platform);
    LoginStates.Issued state = states.issue(platform.platformId(), storageTarget);
    return new AuthenticationRequest(
        authenticationUri(platform, login, state),
        platform,
        state.state(),
        state.nonce(),
        storageTarget,
        state.binding());
  }

  private LaunchRefusedException unknown(LoginRequest login) {
    if (blank(login.clientId()) && directory.byIssuer(login.issuer()).size() > 1) {
      return new LaunchRefusedException(
          Refusal.CLIENT_ID_REQUIRED, "iss " + login.issuer() + " has several registrations");
    }
    return new LaunchRefusedException(
        Refusal.ISSUER_UNKNOWN, "iss " + login.issuer() + ", client_id " + login.clientId());
  }

  /** The frame the platform offers for storage, by request or by its family's habit. */
  private static String storageTarget(LoginRequest login, Registration platform) {
    String requested = login.storageTarget();
    if (!blank(requested)) {
      return FRAME_NAME.matcher(requested).matches() ? requested : null;
    }
    return platform.profile().storageTargetWhenAbsent();
  }

  /** OIDC Core §3.1.2.1 as LTI Core §4.1.1 profiles it: form_post, prompt none, our nonce. */
  private URI authenticationUri(
      Registration platform, LoginRequest login, LoginStates.Issued state) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("scope", "openid");
    query.put("response_type", "id_token");
    query.put("response_mode", "form_post");
    query.put("prompt", "none");
    query.put("client_id", platform.clientId());
    query.put("redirect_uri", settings.url("lti/launch").toString());
    query.put("login_hint", login.loginHint());
    query.put("state", state.state());
    query.put("nonce", state.nonce());
    if (!blank(login.messageHint())) {
      query.put("lti_message_hint", login.messageHint());
    }
    String encoded =
        query.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    String base = platform.authLoginUrl();
    return URI.create(base + (base.contains("?") ? "&" : "?") + encoded);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
