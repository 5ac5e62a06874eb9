package org.peerloop.web.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Map;
import org.peerloop.lti.launch.LaunchValidator;

/**
 * The language of a launch that was refused, read from its id_token without trusting it: only to
 * choose the language of the refusal page, which says nothing the token could change.
 */
final class UnverifiedLocale {
  private static final String LAUNCH_PRESENTATION =
      "https://purl.imsglobal.org/spec/lti/claim/launch_presentation";

  private UnverifiedLocale() {}

  static String of(String idToken) {
    if (idToken == null || idToken.length() > LaunchValidator.MAX_TOKEN_LENGTH) {
      return null;
    }
    try {
      JWTClaimsSet claims = JWTParser.parse(idToken).getJWTClaimsSet();
      if (claims.getClaim("locale") instanceof String locale) {
        return locale;
      }
      return claims.getClaim(LAUNCH_PRESENTATION) instanceof Map<?, ?> presentation
              && presentation.get("locale") instanceof String locale
          ? locale
          : null;
    } catch (ParseException | RuntimeException e) {
      return null;
    }
  }
}
