package dev.weft.examples.gather;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.weft.engine.ConsoleProgress;
import dev.weft.engine.RunListener;
import dev.weft.engine.TaskFailedException;
import dev.weft.engine.Weft;
import dev.weft.examples.common.LockedDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class GatherMainTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
    serverThreads.shutdownNow();
  }

  private int run(String... args) {
    RunListener listener = ConsoleProgress.create(new PrintStream(progress, true, UTF_8), false);
    return GatherMain.run(args, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8), listener);
  }

  /** Starts a server of this test that lists {@code pages} and answers each with {@code page}. */
  private URI serve(List<String> pages, PageHandler page) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setExecutor(serverThreads);
    server.createContext("/", exchange -> {
      try (exchange) {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/")) {
          reply(exchange, 200, String.join("\n", pages));
        } else {
          page.handle(exchange, path.substring(1));
        }
      }
    });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private interface PageHandler {
    void handle(HttpExchange exchange, String page) throws IOException;
  }

  private static void reply(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream stream = exchange.getResponseBody()) {
      stream.write(body);
    }
  }

  @Test
  @Timeout(30)
  void everyRequestIsInFlightAtOnce_onOneWorkerThread() throws IOException {
    List<String> pages = List.of("a", "b", "c", "d", "e", "f");
    // No page is answered before every page was asked for. A worker that waited for each
    // future would send the second request only after the first was answered: never.
    CountDownLatch asked = new CountDownLatch(pages.size());
    URI uri = serve(pages, (exchange, page) -> {
      asked.countDown();
      try {
        if (asked.await(10, TimeUnit.SECONDS)) {
          reply(exchange, 200, page.repeat(10) + "\n");
        } else {
          reply(exchange, 504, "only " + (pages.size() - asked.getCount()) + " of "
              + pages.size() + " requests arrived");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });

    Summary summary;
    try (Weft weft = Weft.builder().parallelism(1).build()) {
      summary = GatherMain.fetchAll(weft, uri, client);
    }

    assertThat(summary.pages()).isEqualTo(6);
    assertThat(summary.bytes()).isEqualTo(6 * 11);
    assertThat(summary.lines()).isEqualTo(6);
    assertThat(summary.largest()).containsExactly(new Page("a", 11, 1), new Page("b", 11, 1),
        new Page("c", 11, 1), new Page("d", 11, 1), new Page("e", 11, 1)).inOrder();
  }

  @Test
  @Timeout(60)
  void manyPages_neverMoreRequestsInFlightThanTheCap() throws IOException {
    // 1,500 files used to send 1,500 requests at once and run out of file descriptors.
    List<String> pages = IntStream.range(0, 300).mapToObj(i -> "page" + i).toList();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    URI uri = serve(pages, (exchange, page) -> {
      peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20); // long enough for requests beyond the cap to overlap these
        reply(exchange, 200, page + "\n");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
    });

    Summary summary;
    try (Weft weft = Weft.builder().parallelism(1).build()) {
      summary = GatherMain.fetchAll(weft, uri, client, 10);
    }

    assertThat(summary.pages()).isEqualTo(300);
    assertThat(peak.get()).isAtMost(10);
    assertThat(peak.get()).isGreaterThan(1); // capped, not sent one after another
  }

  @Test
  void oneFile_isSaidInTheSingular() throws IOException {
    Files.writeString(dir.resolve("only.txt"), "one line\n");

    assertThat(run("--latency", "0", dir.toString())).isEqualTo(0);

    List<String> lines = out.toString(UTF_8).lines().toList();
    assertThat(lines.get(0)).startsWith("Serving the 1 file under " + dir + " at ");
    assertThat(lines.get(1)).startsWith("Fetched 1 page, 9 bytes, 1 line, in ");
    // The index is answered before the page is asked for: one request at a time.
    assertThat(lines.get(2)).isEqualTo("The server held up to 1 request at once; one after"
        + " another, the 2 requests would take at least 0.00 s");
  }

  @Test
  void unlistableSubdirectory_namesItAndExitsWith2() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "a");
    Path hidden = Files.createDirectory(dir.resolve("locked"));
    try (LockedDirectory lock = LockedDirectory.lock(hidden)) {
      Path locked = lock.path();

      assertThat(run(dir.toString())).isEqualTo(2);

      assertThat(err.toString(UTF_8)).isEqualTo("error: cannot list directory " + locked
          + ": permission denied; make it readable (chmod u+rx " + locked
          + ") or pass a directory without it\n");
      assertThat(out.toString(UTF_8)).isEmpty();
    }
  }

  @Test
  void failedRequest_failsThePagesTaskNamingThePage() throws IOException {
    URI uri = serve(List.of("here", "gone", "there"), (exchange, page) ->
        reply(exchange, page.equals("gone") ? 404 : 200, page.equals("gone") ? "no such page"
            : page));

    TaskFailedException failure;
    try (Weft weft = Weft.builder().parallelism(1).build()) {
      failure = assertThrows(TaskFailedException.class,
          () -> GatherMain.fetchAll(weft, uri, client));
    }

    assertThat(failure.task()).isEqualTo("pages");
    assertThat(failure).hasMessageThat().isEqualTo("task 'pages' failed on element 1 of 3"
        + " (gone): java.io.IOException: GET " + uri + "gone answered HTTP 404: no such page"
        + " (needed by pages -> summary)");
  }

  @Test
  void fetchesEveryFileOfTheDirectory_andPrintsWhatTheyAddUpTo() throws IOException {
    Files.writeString(dir.resolve("a.txt"), "one\ntwo\n");
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("sub/b.md"), "x");
    Files.writeString(dir.resolve("sub/deeper/c"), "three\nlines\nno final line feed");
    Files.writeString(dir.resolve("sub/with space.txt"), "");

    int status = run("--latency", "20", dir.toString());

    assertThat(err.toString(UTF_8)).isEmpty();
    assertThat(status).isEqualTo(0);
    List<String> lines = out.toString(UTF_8).lines().toList();
    long bytes = 0;
    long lineCount = 0;
    for (String file : List.of("a.txt", "sub/b.md", "sub/deeper/c", "sub/with space.txt")) {
      bytes += Files.size(dir.resolve(file));
      lineCount += Files.readAllLines(dir.resolve(file)).size();
    }
    assertThat(lines.get(0)).matches(Pattern.quote("Serving the 4 files under " + dir)
        + " at http://127\\.0\\.0\\.1:\\d+/, each response delayed 20 ms");
    assertThat(lines.get(1)).matches(Pattern.quote("Fetched 4 pages, " + bytes + " bytes, "
        + lineCount + " lines, in ") + "\\d+\\.\\d\\d s on 1 worker thread");
    assertThat(lines.get(2)).matches("The server held up to [1-4] requests at once; one after"
        + " another, the 5 requests would take at least 0\\.10 s");
    assertThat(lines.subList(3, lines.size())).containsExactly(
        "Largest pages:",
        String.format(Locale.ROOT, "  %9d bytes       3 lines  sub/deeper/c",
            Files.size(dir.resolve("sub/deeper/c"))),
        "          8 bytes       2 lines  a.txt",
        "          1 bytes       1 lines  sub/b.md",
        "          0 bytes       0 lines  sub/with space.txt").inOrder();
    assertThat(progress.toString(UTF_8)).matches(
        "dev\\.weft\\.examples\\.gather\\.PageFetcher: 3 tasks in \\d+\\.\\d s: 3 executed\n");
  }

  @Test
  void missingDirectory_saysSoAndExitsWith2() {
    Path missing = dir.resolve("nowhere");

    assertThat(run(missing.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: " + missing.toAbsolutePath()
        + " does not exist; pass a directory of files to serve\n");
  }

  @Test
  void emptyDirectory_saysSoAndExitsWith2() {
    assertThat(run(dir.toString())).isEqualTo(2);

    assertThat(err.toString(UTF_8)).isEqualTo("error: no files under " + dir.toAbsolutePath()
        + "\n");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void badOptions_areUsageErrors() {
    assertThat(run("--latency", "-1")).isEqualTo(2);
    assertThat(run("--workers", "two")).isEqualTo(2);
    assertThat(run("--verbose")).isEqualTo(2);

    assertThat(err.toString(UTF_8).lines().filter(l -> l.startsWith("error: ")).toList())
        .containsExactly(
            "error: --latency must be from 0 to 60000 ms, not -1",
            "error: --workers must be a whole number from 1 to 256, not 'two'",
            "error: unknown option '--verbose'").inOrder();
  }

  @Test
  void defaults_serveTheJdkLegalNoticesOnOneWorker() throws Exception {
    GatherMain.Options options = GatherMain.parse(new String[0]);

    assertThat(options.directory())
        .isEqualTo(Path.of(System.getProperty("java.home"), "legal"));
    assertThat(options.workers()).isEqualTo(1);
    assertThat(options.latency().toMillis()).isEqualTo(250);
  }
}
