package org.peerloop.lti.launch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.peerloop.signin.SignInRecords;

/** The launch ledger on the shared database; joins the caller's transaction. */
@Dependent
public class DatabaseLaunchLedger implements LaunchLedger {
  private final LoginStates states;
  private final SignInRecords records;

  @Inject
  public DatabaseLaunchLedger(LoginStates states, SignInRecords records) {
    this.states = states;
    this.records = records;
  }

  @Override
  public Optional<IssuedState> consumeState(String state) {
    return states.consume(state);
  }

  @Override
  public boolean useNonce(long platformId, String nonce, Instant keepUntil) {
    return records.useNonce(platformId, nonce, keepUntil);
  }
}
