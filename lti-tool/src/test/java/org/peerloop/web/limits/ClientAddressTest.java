package org.peerloop.web.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private static final List<String> BALANCERS = List.of("10.0.0.2", "10.0.0.3");

  @Test
  void withoutAProxyTheConnectionsAddressCounts() {
    assertEquals("198.51.100.7", ClientAddress.of("198.51.100.7", null, BALANCERS));
  }

  @Test
  void aHeaderFromAnUntrustedSenderIsIgnored() {
    assertEquals(
        "198.51.100.7",
        ClientAddress.of("198.51.100.7", "203.0.113.1", BALANCERS),
        "anyone can send X-Forwarded-For: it must not let a client pick its own address");
  }

  @Test
  void behindTrustedBalancersTheLastUntrustedHopIsTheClient() {
    assertEquals("203.0.113.9", ClientAddress.of("10.0.0.2", "203.0.113.9", BALANCERS));
    assertEquals(
        "203.0.113.9",
        ClientAddress.of("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.3", BALANCERS),
        "what the client wrote itself (1.2.3.4) comes before the hops our balancers added");
  }

  @Test
  void aHeaderOfOnlyBalancersLeavesTheConnectionsAddress() {
    assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", " , 10.0.0.3", BALANCERS));
  }
}
