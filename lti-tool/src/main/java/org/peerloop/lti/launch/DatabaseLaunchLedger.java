package org.peerloop.lti.launch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.peerloop.signin.SignInRecords;

/** The launch ledger on the shared database; joins the caller's transaction. */
@Dependent
public class DatabaseLaunchLedger implements LaunchLedger {
  private final SignInRecords records;
  private final Clock clock;

  @Inject
  public DatabaseLaunchLedger(SignInRecords records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  @Override
  public Optional<IssuedState> consumeState(String state) {
    return records
        .consumeState(state)
        .map(
            s ->
                new IssuedState(
                    s.platformId(),
                    s.nonce(),
                    s.targetLinkUri(),
                    s.storageTarget().orElse(null),
                    s.expiredAt(clock.instant())));
  }

  @Override
  public boolean useNonce(long platformId, String nonce, Instant keepUntil) {
    return records.useNonce(platformId, nonce, keepUntil);
  }
}
