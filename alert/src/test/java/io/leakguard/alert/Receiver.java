package io.leakguard.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver on 127.0.0.1 for delivery tests: records every request (body and headers)
 * and answers with a status chosen per request (e.g. 500 for the first N, or a delay).
 */
final class Receiver implements AutoCloseable {
  record Request(String path, String body, Map<String, List<String>> headers) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  final List<Request> requests = new CopyOnWriteArrayList<>();
  final AtomicInteger failFirst = new AtomicInteger();
  volatile int delayMs;
  private final HttpServer server;

  Receiver() throws IOException {
    this(0);
  }

  Receiver(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.createContext(
        "/",
        ex -> {
          String body;
          try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          if (delayMs > 0) {
            try {
              Thread.sleep(delayMs);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          int status = failFirst.getAndDecrement() > 0 ? 500 : 200;
          if (status == 200) {
            requests.add(new Request(ex.getRequestURI().getPath(), body, ex.getRequestHeaders()));
          }
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
