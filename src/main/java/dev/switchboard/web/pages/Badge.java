package dev.switchboard.web.pages;

import dev.switchboard.bundle.ReadinessStatus;
import dev.switchboard.credential.ConnectionState;
import dev.switchboard.credential.Verification;

/**
 * A state shown as an icon and a word (never by colour alone); {@code tone} picks the CSS colour.
 * The icons are those of the seed documents: 🟢 🟡 🔴 🟠 ⚪.
 */
public record Badge(String icon, String word, String tone) {
  static Badge of(ConnectionState state) {
    return switch (state) {
      case CONNECTED -> new Badge("🟢", "Connected", "good");
      case UNVERIFIED -> new Badge("🟡", "Unverified", "warn");
      case ERROR -> new Badge("🔴", "Error", "bad");
      case EXPIRED -> new Badge("🟠", "Expired", "bad");
      case ATTENTION -> new Badge("⚠️", "Attention", "warn");
      case NONE -> new Badge("⚪", "None", "none");
    };
  }

  static Badge of(Verification verification) {
    return switch (verification) {
      case VERIFIED -> new Badge("🟢", "Verified", "good");
      case UNVERIFIED -> new Badge("🟡", "Unverified", "warn");
      case ERROR -> new Badge("🔴", "Error", "bad");
      case EXPIRED -> new Badge("🟠", "Expired", "bad");
      case PENDING -> new Badge("⚪", "Pending", "none");
    };
  }

  static Badge of(ReadinessStatus status) {
    return switch (status) {
      case OPERATIONAL -> new Badge("🟢", "Operational", "good");
      case PARTIAL -> new Badge("🟡", "Partial", "warn");
      case BLOCKED -> new Badge("🔴", "Blocked", "bad");
      case UNKNOWN -> new Badge("⚪", "Unknown", "none");
    };
  }

  static Badge available(boolean available) {
    return available ? new Badge("🟢", "Available", "good") : new Badge("🔴", "Not available", "bad");
  }
}
