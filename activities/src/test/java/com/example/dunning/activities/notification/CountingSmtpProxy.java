package com.example.dunning.activities.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test's SMTP server that tells its connections apart: it counts those
 * the client opened, how many are open at once, which the client closed and whether it said {@code
 * QUIT} on them, and can drop them all as a server drops idle clients.
 */
final class CountingSmtpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int serverPort;
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();
  private final Thread acceptor;

  CountingSmtpProxy(int serverPort) throws IOException {
    this.serverPort = serverPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "smtp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Connections the client opened so far. */
  int opened() {
    return connections.size();
  }

  /** The most connections open at the same time so far. */
  int mostOpenAtOnce() {
    return mostOpen.get();
  }

  /** Connections the client has not closed, nor this relay dropped. */
  int openNow() {
    return open.get();
  }

  /** How many connections ended after the client said {@code QUIT} on them. */
  int endedWithQuit() {
    return (int) connections.stream().filter(c -> c.ended && c.saidQuit()).count();
  }

  /** Closes every open connection at once, without a word, as a server that drops clients. */
  void dropAll() {
    connections.forEach(Connection::drop);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    dropAll();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        Connection connection = new Connection(client, server);
        connections.add(connection);
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private final class Connection {
    private final Socket client;
    private final Socket server;
    private final StringBuffer fromClient = new StringBuffer();
    private volatile boolean ended;

    Connection(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void start() {
      Thread up =
          new Thread(
              () -> {
                pump(client, server, fromClient);
                end();
              },
              "smtp-proxy-up");
      Thread down = new Thread(() -> pump(server, client, null), "smtp-proxy-down");
      up.setDaemon(true);
      down.setDaemon(true);
      up.start();
      down.start();
    }

    boolean saidQuit() {
      return fromClient.toString().contains("QUIT\r\n");
    }

    void drop() {
      end();
    }

    private synchronized void end() {
      if (ended) {
        return;
      }
      ended = true;
      open.decrementAndGet();
      closeQuietly(client);
      closeQuietly(server);
    }

    private void pump(Socket from, Socket to, StringBuffer copy) {
      byte[] buffer = new byte[8192];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int read; (read = in.read(buffer)) >= 0; ) {
          if (copy != null) {
            copy.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException e) {
        // closed on either side
      }
      if (from == server) {
        end();
      }
    }

    private void closeQuietly(Socket socket) {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
