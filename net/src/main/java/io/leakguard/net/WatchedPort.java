package io.leakguard.net;

/**
 * A watched port range and its kind.
 *
 * @param protocol TCP or UDP
 * @param lo first port
 * @param hi last port
 * @param kind {@code datastore} or {@code management}
 */
public record WatchedPort(Protocol protocol, int lo, int hi, String kind) {
  public boolean isDatastore() {
    return kind.equals("datastore");
  }
}
