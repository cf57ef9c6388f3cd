package dev.switchboard.upstream.internal;

/**
 * Why an address is refused: what kind of address it is ("a private address"), the address as
 * text, and, for an IPv6 address that carries an IPv4 one (NAT64, 6to4), the IPv6 address it was
 * found in (empty otherwise).
 */
public record Refusal(String kind, String address, String carrier) {

  /** "a private address 10.0.0.5", with the carrier and a note for cloud metadata endpoints. */
  public String describe() {
    StringBuilder text = new StringBuilder(kind).append(' ').append(address);
    if (address.equals("169.254.169.254") || address.equals("fd00:ec2::254")) {
      text.append(" (the cloud metadata endpoint)");
    }
    if (!carrier.isEmpty()) {
      text.append(" (inside ").append(carrier).append(')');
    }
    return text.toString();
  }
}
