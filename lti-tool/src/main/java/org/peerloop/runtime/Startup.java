package org.peerloop.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import org.peerloop.admin.AdminAccounts;
import org.peerloop.console.AdminSignIn;
import org.peerloop.grading.GradeSyncJob;
import org.peerloop.keys.SecretBox;
import org.peerloop.lti.jwks.ToolKeyService;
import org.peerloop.lti.session.ToolSecrets;
import org.peerloop.moodlebridge.CompletionBackstop;
import org.peerloop.notifications.DigestJob;
import org.peerloop.notifications.MailSender;
import org.peerloop.settings.Settings;
import org.peerloop.xapi.LrsPush;

/**
 * Does at deployment what would otherwise surprise the first request: reads the settings, migrates
 * the database, makes sure a signing key, the token secrets and the secret key exist, and starts
 * housekeeping, grade synchronisation, the xAPI push, the mail sender, the digests and the Moodle
 * completion backstop. Any failure fails the deployment.
 */
@ApplicationScoped
public class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  void onStart(
      @Observes @Initialized(ApplicationScoped.class) Object event,
      Settings settings,
      EntityManagers entityManagers,
      ToolKeyService keys,
      ToolSecrets secrets,
      Housekeeping housekeeping,
      GradeSyncJob grades,
      // Asked for so the secret key (file) is read or made now, not at the first sealed value.
      SecretBox box,
      LrsPush lrs,
      MailSender mail,
      DigestJob digests,
      CompletionBackstop completions,
      AdminSignIn admins) {
    String kid = Transactions.retryOnConflict(keys::currentKeyId);
    Transactions.retryOnConflict(
        () -> {
          secrets.load();
          return null;
        });
    offerAdminSetup(settings, admins);
    housekeeping.start();
    grades.start();
    lrs.start();
    mail.start();
    digests.start();
    completions.start();
    LOG.info(
        () ->
            "PeerLoop started: base URL "
                + settings.baseUrl()
                + ", schema version "
                + entityManagers.schemaVersion()
                + ", signing key "
                + kid);
  }

  /**
   * While no administrator exists, prints the one-time link that creates the first (its token is
   * stored only as a hash; a second node or a restart finds it issued and prints no other).
   */
  private static void offerAdminSetup(Settings settings, AdminSignIn admins) {
    Transactions.retryOnConflict(admins::issueSetup)
        .ifPresentOrElse(
            token ->
                LOG.warning(
                    () ->
                        "No PeerLoop administrator yet. Create one within "
                            + AdminAccounts.SETUP_LIFETIME.toHours()
                            + " hours at: "
                            + settings.baseUrl().resolve("admin/")
                            + "#setup="
                            + token),
            () -> {
              if (Transactions.retryOnConflict(admins::setupPending)) {
                LOG.info("The administrator setup link was printed when it was issued");
              }
            });
  }
}
