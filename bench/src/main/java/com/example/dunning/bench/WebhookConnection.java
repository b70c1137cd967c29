package com.example.dunning.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection that posts webhooks and reads the answers, as {@code wrk}
 * would: the load generator shares the machine (and here the JVM) with what it measures, so it
 * should cost as little as it can. Reconnects when the server closes the connection.
 */
final class WebhookConnection implements AutoCloseable {

  private final String host;
  private final int port;
  private final String path;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  WebhookConnection(String host, int port, String path) {
    this.host = host;
    this.port = port;
    this.path = path;
  }

  /**
   * The bytes of one signed delivery to this connection's endpoint, built before it is timed: a
   * load generator on a machine of its own would not take its CPU from the server measured.
   */
  byte[] request(String body, String signature) {
    byte[] payload = body.getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nContent-Type: application/json\r\nStripe-Signature: "
                + signature
                + "\r\nContent-Length: "
                + payload.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] request = Arrays.copyOf(head, head.length + payload.length);
    System.arraycopy(payload, 0, request, head.length, payload.length);
    return request;
  }

  /** Sends a {@link #request} and returns the answer's status code. */
  int post(byte[] request) throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }
    out.write(request);
    out.flush();
    String status = line();
    int code = Integer.parseInt(status.substring(9, 12));
    int length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    if (chunked) {
      for (int size = Integer.parseInt(line().strip(), 16); size > 0; ) {
        in.readNBytes(size);
        line();
        size = Integer.parseInt(line().strip(), 16);
      }
      line();
    } else if (length > 0) {
      in.readNBytes(length);
    }
    if (close) {
      close();
    }
    return code;
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed by the server");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }
}
