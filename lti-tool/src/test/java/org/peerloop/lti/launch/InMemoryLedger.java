package org.peerloop.lti.launch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's contract in memory, for validator unit tests; the database implementation is tested
 * against Derby and PostgreSQL (SignInRecordsTest, LoginStatesTest) and in the container.
 */
final class InMemoryLedger implements LaunchLedger {
  final Map<String, IssuedState> states = new HashMap<>();
  final Set<String> pendingNonces = new HashSet<>();

  void issue(String state, long platformId, String nonce) {
    states.put(state, new IssuedState(platformId, nonce, null, null, false));
    pendingNonces.add(nonce);
  }

  @Override
  public Optional<IssuedState> issuedState(String state) {
    return Optional.ofNullable(states.get(state));
  }

  @Override
  public boolean useNonce(String nonce) {
    return pendingNonces.remove(nonce);
  }
}
