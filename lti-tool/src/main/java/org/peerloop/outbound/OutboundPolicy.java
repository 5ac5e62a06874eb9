package org.peerloop.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses PeerLoop may call when the URL came from someone else: a platform's registration
 * or launch, an LMS's configuration document, an administrator's form (OWASP ASVS 4.0 V12.6.1, the
 * server-side request forgery cheat sheet). Only {@code https}; the host is resolved and every
 * address it resolves to must be a public unicast one, so no one can make PeerLoop call this
 * machine, the private network behind it, or a cloud's metadata service (169.254.169.254).
 *
 * <p>The development setting ({@code PEERLOOP_OUTBOUND_ALLOW_LOOPBACK}, which the demo and the
 * tests turn on) lets PeerLoop call this machine's loopback addresses, over {@code http} too: the
 * demo LMS runs there. Nothing else is ever allowed.
 */
public final class OutboundPolicy {
  /** Resolves a host name to its addresses; the JDK's resolver unless a test gives another. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowLoopback;
  private final Resolver resolver;

  public OutboundPolicy(boolean allowLoopback) {
    this(allowLoopback, InetAddress::getAllByName);
  }

  public OutboundPolicy(boolean allowLoopback, Resolver resolver) {
    this.allowLoopback = allowLoopback;
    this.resolver = resolver;
  }

  public boolean allowsLoopback() {
    return allowLoopback;
  }

  /**
   * The addresses a call to this URL may connect to, all checked.
   *
   * @throws OutboundRefusedException when the URL or any address it resolves to is not allowed;
   *     nothing has been sent anywhere then
   */
  public List<InetAddress> check(URI uri) throws OutboundRefusedException {
    if (uri == null || !uri.isAbsolute()) {
      throw new OutboundRefusedException("url-invalid", "Not an absolute URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new OutboundRefusedException("scheme-not-https", "Only https URLs are called");
    }
    if (uri.getHost() == null || uri.isOpaque()) {
      throw new OutboundRefusedException("url-invalid", "Not an absolute URL with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new OutboundRefusedException(
          "url-has-credentials", "A URL to call must not carry a user name or password");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new OutboundRefusedException("host-unknown", "The host name does not resolve");
    }
    if (addresses == null || addresses.length == 0) {
      throw new OutboundRefusedException("host-unknown", "The host name does not resolve");
    }
    boolean allLoopback = true;
    for (InetAddress address : addresses) {
      boolean loopback = address.isLoopbackAddress();
      allLoopback &= loopback;
      if (loopback ? !allowLoopback : !isPublic(address)) {
        throw new OutboundRefusedException(
            "address-not-public",
            "The host resolves to an address that is not public (this machine, a private or"
                + " link-local network, or a special range)");
      }
    }
    if (scheme.equals("http") && !(allowLoopback && allLoopback)) {
      // Plain http would carry access tokens and credentials in clear.
      throw new OutboundRefusedException("scheme-not-https", "Only https URLs are called");
    }
    return List.of(addresses);
  }

  /**
   * Whether an address is a public unicast one: not loopback, unspecified, private (RFC 1918, RFC
   * 4193), link-local (RFC 3927, RFC 4291), shared (RFC 6598), multicast, or another range IANA
   * reserves for special use (RFC 6890).
   */
  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses reach IPv4 hosts.
      boolean firstTenZero = true;
      for (int i = 0; i < 10; i++) {
        firstTenZero &= b[i] == 0;
      }
      if (firstTenZero
          && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
        return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
      }
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local (RFC 4193)
      }
      if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
        return false; // fec0::/10 site-local, deprecated but still routed by some
      }
      if (first == 0x00 || first == 0xff) {
        // 0000::/8 reserved (unspecified, loopback, mapped, and the NAT64 prefix 64:ff9b::/96,
        // which could translate to any IPv4 host); ff00::/8 multicast.
        return false;
      }
      if (first == 0x20
          && (b[1] & 0xff) == 0x01
          && (b[2] & 0xff) == 0x0d
          && (b[3] & 0xff) == 0xb8) {
        return false; // 2001:db8::/32 documentation
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    return !(a0 == 0 // 0.0.0.0/8 "this network"
        || a0 == 10 // 10.0.0.0/8 private
        || a0 == 127 // loopback
        || (a0 == 100 && (a1 & 0xc0) == 64) // 100.64.0.0/10 shared address space (carrier NAT)
        || (a0 == 169 && a1 == 254) // link-local, cloud metadata services
        || (a0 == 172 && (a1 & 0xf0) == 16) // 172.16.0.0/12 private
        || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 IETF protocol assignments
        || (a0 == 192 && a1 == 168) // 192.168.0.0/16 private
        || (a0 == 198 && (a1 & 0xfe) == 18) // 198.18.0.0/15 benchmarking
        || a0 >= 224); // multicast, reserved and broadcast
  }
}
