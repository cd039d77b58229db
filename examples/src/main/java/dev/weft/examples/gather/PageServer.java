package dev.weft.examples.gather;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.examples.common.DirectoryWalk;
import dev.weft.examples.common.UnlistableDirectoryException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server (the JDK's {@code com.sun.net.httpserver}) that stands in for a remote one:
 * it serves the files under a directory, each response delayed by a fixed latency, and counts how
 * many requests it holds at once.
 *
 * <p>{@code GET /} lists the files' paths relative to the directory, one per line, with {@code /}
 * between names; {@code GET /path} returns that file. The delay is spent on the server's own
 * threads, one per request being answered, as a remote server's time would be spent elsewhere.
 */
final class PageServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final Path root;
  private final List<String> pages;
  private final Set<String> known;
  private final long latencyMillis;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peakInFlight = new AtomicInteger();

  private PageServer(Path root, List<String> pages, Duration latency) throws IOException {
    this.root = root;
    this.pages = pages;
    this.known = Set.copyOf(pages);
    this.latencyMillis = latency.toMillis();
    AtomicInteger ids = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "page-server-" + ids.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    // A backlog larger than the default 50, so that a burst of connections is not refused.
    this.server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts serving the regular files under {@code root}, on a free port of the loopback address.
   * A symbolic link to a file is served as a file; a link to a directory is not followed (see
   * {@link DirectoryWalk}).
   *
   * @throws UnlistableDirectoryException if {@code root} or a directory under it cannot be listed
   */
  static PageServer start(Path root, Duration latency) throws IOException {
    List<String> pages = DirectoryWalk.regularFiles(root).stream()
        .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
        .sorted()
        .toList();
    return new PageServer(root, pages, latency);
  }

  /** Where it listens: {@code http://127.0.0.1:port/}. */
  URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
  }

  /** The paths of the pages it serves, sorted. */
  List<String> pages() {
    return pages;
  }

  /** The most requests it has held at once. */
  int peakInFlight() {
    return peakInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try (exchange) {
      Thread.sleep(latencyMillis);
      String path = exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "only GET is served");
      } else if (path.equals("/")) {
        send(exchange, 200, String.join("\n", pages) + "\n");
      } else if (known.contains(path.substring(1))) {
        byte[] body = Files.readAllBytes(root.resolve(path.substring(1)));
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      } else {
        send(exchange, 404, "no page " + path);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static void send(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops listening, at once, and the threads answering requests. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
