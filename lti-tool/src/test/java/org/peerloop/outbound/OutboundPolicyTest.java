package org.peerloop.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbound policy against the addresses a server-side request forgery aims at: literal ones,
 * names that resolve to them, and names with one good and one bad address. Names resolve through a
 * table here, so nothing is looked up or sent anywhere.
 */
class OutboundPolicyTest {
  private static final Map<String, String[]> NAMES =
      Map.of(
          "lms.example.edu", new String[] {"93.184.216.34"},
          "metadata.attacker.example", new String[] {"169.254.169.254"},
          "intranet.attacker.example", new String[] {"10.20.30.40"},
          "half.attacker.example", new String[] {"93.184.216.34", "192.168.1.10"},
          "v6.attacker.example", new String[] {"fd12:3456:789a::1"},
          "localhost", new String[] {"127.0.0.1", "::1"});

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String[] literal = NAMES.get(host);
    if (literal == null) {
      if (Character.digit(host.charAt(0), 16) < 0 && !host.contains(":")) {
        throw new UnknownHostException(host);
      }
      // A literal address: InetAddress parses it without any lookup.
      return new InetAddress[] {InetAddress.getByName(host)};
    }
    InetAddress[] addresses = new InetAddress[literal.length];
    for (int i = 0; i < literal.length; i++) {
      addresses[i] = InetAddress.getByName(literal[i]);
    }
    return addresses;
  }

  private static final OutboundPolicy PRODUCTION =
      new OutboundPolicy(false, OutboundPolicyTest::resolve);
  private static final OutboundPolicy DEVELOPMENT =
      new OutboundPolicy(true, OutboundPolicyTest::resolve);

  private static String refusal(OutboundPolicy policy, String url) {
    return assertThrows(OutboundRefusedException.class, () -> policy.check(URI.create(url)), url)
        .reason();
  }

  @Test
  void aPublicHttpsAddressIsCalled() throws Exception {
    assertEquals(
        1, PRODUCTION.check(URI.create("https://lms.example.edu/mod/lti/certs.php")).size());
  }

  @Test
  void plainHttpIsRefusedOutsideDevelopmentAndOffLoopback() {
    assertEquals("scheme-not-https", refusal(PRODUCTION, "http://lms.example.edu/"));
    assertEquals("scheme-not-https", refusal(DEVELOPMENT, "http://lms.example.edu/"));
    assertEquals("scheme-not-https", refusal(PRODUCTION, "ftp://lms.example.edu/"));
    assertEquals("scheme-not-https", refusal(PRODUCTION, "file:///etc/passwd"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/",
        "https://127.1.2.3:8443/",
        "https://[::1]/",
        "https://localhost/",
        "https://10.0.0.1/",
        "https://172.16.5.4/",
        "https://172.31.255.255/",
        "https://192.168.1.1/",
        "https://169.254.169.254/latest/meta-data/",
        "https://100.64.0.1/",
        "https://0.0.0.0/",
        "https://224.0.0.1/",
        "https://255.255.255.255/",
        "https://[fe80::1]/",
        "https://[fc00::1]/",
        "https://[fd00:ec2::254]/",
        "https://[::ffff:10.0.0.1]/",
        "https://[::ffff:169.254.169.254]/",
        "https://[::]/",
        "https://[ff02::1]/",
        "https://[64:ff9b::a9fe:a9fe]/",
        "https://metadata.attacker.example/",
        "https://intranet.attacker.example/",
        "https://half.attacker.example/",
        "https://v6.attacker.example/"
      })
  void addressesThatAreNotPublicAreRefused(String url) {
    assertEquals("address-not-public", refusal(PRODUCTION, url));
  }

  @Test
  void developmentOpensLoopbackOnlyAndNothingElse() throws Exception {
    assertEquals(2, DEVELOPMENT.check(URI.create("http://localhost:8081/lms")).size());
    DEVELOPMENT.check(URI.create("http://127.0.0.1:9/"));
    assertEquals("address-not-public", refusal(DEVELOPMENT, "http://10.0.0.1/"));
    assertEquals("address-not-public", refusal(DEVELOPMENT, "https://169.254.169.254/"));
    assertEquals("address-not-public", refusal(DEVELOPMENT, "https://half.attacker.example/"));
  }

  @Test
  void credentialsInTheUrlAndHostlessUrlsAreRefused() {
    assertEquals("url-has-credentials", refusal(PRODUCTION, "https://user:pw@lms.example.edu/"));
    assertEquals("url-invalid", refusal(PRODUCTION, "/relative/path"));
    assertEquals("url-invalid", refusal(PRODUCTION, "https:///no-host"));
    assertEquals("host-unknown", refusal(PRODUCTION, "https://no-such-host.invalid/"));
  }

  @Test
  void publicAddressesStayCallable() {
    for (String address :
        new String[] {"8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "100.128.0.1", "172.32.0.1"}) {
      assertEquals(true, OutboundPolicy.isPublic(parse(address)), address);
    }
  }

  private static InetAddress parse(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
