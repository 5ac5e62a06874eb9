package org.peerloop.lti.launch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;

/** The launch ledger on the shared database; joins the caller's transaction. */
@Dependent
public class DatabaseLaunchLedger implements LaunchLedger {
  private final LoginStates states;

  @Inject
  public DatabaseLaunchLedger(LoginStates states) {
    this.states = states;
  }

  @Override
  public Optional<IssuedState> issuedState(String state) {
    return states.read(state);
  }

  @Override
  public boolean useNonce(String nonce) {
    return states.complete(nonce);
  }
}
