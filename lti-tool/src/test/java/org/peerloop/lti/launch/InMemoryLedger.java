package org.peerloop.lti.launch;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's contract in memory, for validator unit tests; the database implementation is tested
 * against Derby in common (SignInRecordsTest) and in the container.
 */
final class InMemoryLedger implements LaunchLedger {
  final Map<String, IssuedState> states = new HashMap<>();
  final Set<String> nonces = new HashSet<>();

  void issue(String state, long platformId, String nonce) {
    states.put(state, new IssuedState(platformId, nonce, null, false));
  }

  @Override
  public Optional<IssuedState> consumeState(String state) {
    return Optional.ofNullable(states.remove(state));
  }

  @Override
  public boolean useNonce(long platformId, String nonce, Instant keepUntil) {
    return nonces.add(platformId + "/" + nonce);
  }
}
