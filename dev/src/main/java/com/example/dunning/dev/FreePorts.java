package com.example.dunning.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;

/**
 * Ports nothing listens on, for stacks started beside others (tests, benchmarks). A port is only
 * free when chosen: another process can take it before it is bound.
 */
public final class FreePorts {

  private FreePorts() {}

  /** Distinct free ports: every socket stays open until all are chosen. */
  public static int[] take(int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0);
      }
      return Arrays.stream(sockets).mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    } finally {
      for (ServerSocket socket : sockets) {
        if (socket != null) {
          try {
            socket.close();
          } catch (IOException ignored) {
            // it was only held to reserve its number
          }
        }
      }
    }
  }

  public static int one() {
    return take(1)[0];
  }
}
