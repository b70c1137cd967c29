package com.example.dunning.reliability.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP link between a client and a server on this machine that a test can cut: while cut, the open
 * connections are reset and new ones refused (nothing listens on its port); restored, it listens on
 * the same port again. Held, it passes nothing, as a server that hangs: new connections are
 * accepted and never read, and what is sent on open ones waits (a client keeping a connection open
 * hangs as one that connects). No library on Maven Central does this in-process (Toxiproxy is a
 * separate server), hence this class.
 */
public final class CuttableLink implements AutoCloseable {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final String name;
  private final int upstreamPort;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads;
  private final AtomicInteger upstreamRefusals = new AtomicInteger();
  private final AtomicInteger heldConnections = new AtomicInteger();
  private final AtomicInteger cuts = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger reset = new AtomicInteger();
  private volatile ServerSocket listening;
  private volatile boolean holding;

  private CuttableLink(String name, int upstreamPort, ServerSocket listening) {
    this.name = name;
    this.upstreamPort = upstreamPort;
    this.listening = listening;
    this.port = listening.getLocalPort();
    this.threads =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "link-" + name);
              thread.setDaemon(true);
              return thread;
            });
    threads.execute(() -> accept(listening));
  }

  /** A link on a free port of 127.0.0.1 to {@code upstreamPort} on 127.0.0.1. */
  public static CuttableLink to(String name, int upstreamPort) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(LOOPBACK, 0));
    return new CuttableLink(name, upstreamPort, server);
  }

  /** Where clients connect. */
  public int port() {
    return port;
  }

  /** Resets every open connection and refuses new ones until {@link #restore()}. */
  public synchronized void cut() throws IOException {
    cuts.incrementAndGet();
    holding = false;
    notifyAll();
    ServerSocket server = listening;
    listening = null;
    if (server != null) {
      server.close();
    }
    for (Socket socket : open) {
      reset.incrementAndGet();
      reset(socket);
    }
  }

  /** Listens on the same port again and passes connections through. */
  public synchronized void restore() throws IOException {
    holding = false;
    notifyAll();
    if (listening == null) {
      ServerSocket server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(LOOPBACK, port));
      listening = server;
      threads.execute(() -> accept(server));
    }
  }

  /**
   * Accepts new connections and passes nothing, in either direction, on them or on open ones, until
   * restored or cut.
   */
  public void hold() {
    holding = true;
  }

  /** Connections accepted while held, and open ones that had something to pass while held. */
  public int heldConnections() {
    return heldConnections.get();
  }

  /** Connections reset because the server behind the link refused them. */
  public int upstreamRefusals() {
    return upstreamRefusals.get();
  }

  public int cuts() {
    return cuts.get();
  }

  /** Connections accepted so far, passed through or held. */
  public int accepted() {
    return accepted.get();
  }

  /** Sockets (both ends of each connection) reset by cuts. */
  public int reset() {
    return reset.get();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      open.add(client);
      accepted.incrementAndGet();
      if (holding) {
        heldConnections.incrementAndGet();
        continue; // kept open, never read: the client waits for a greeting that does not come
      }
      threads.execute(() -> connect(client));
    }
  }

  private void connect(Socket client) {
    Socket upstream;
    try {
      upstream = new Socket(LOOPBACK, upstreamPort);
    } catch (IOException refused) {
      upstreamRefusals.incrementAndGet();
      reset(client);
      return;
    }
    open.add(upstream);
    threads.execute(() -> pump(client, upstream));
    pump(upstream, client);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        awaitRelease();
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException broken) {
      reset(to);
      reset(from);
    }
  }

  /** While held, waits for restore or cut; counted once per direction of a connection held. */
  private void awaitRelease() throws IOException {
    if (!holding) {
      return; // the usual case, without taking the link's lock for every chunk passed
    }
    synchronized (this) {
      if (!holding) {
        return;
      }
      heldConnections.incrementAndGet();
      while (holding) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("link closed while held", e);
        }
      }
    }
  }

  private void reset(Socket socket) {
    open.remove(socket);
    try {
      socket.setSoLinger(true, 0); // close with RST, as a dropped connection
    } catch (SocketException alreadyClosed) {
      // nothing to reset
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // closed either way
    }
  }

  @Override
  public synchronized void close() throws IOException {
    cut();
    threads.shutdownNow();
  }

  @Override
  public String toString() {
    return "link " + name + " :" + port + " -> :" + upstreamPort;
  }
}
