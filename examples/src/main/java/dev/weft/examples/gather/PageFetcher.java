package dev.weft.examples.gather;

import dev.weft.Each;
import dev.weft.Input;
import dev.weft.Task;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fetches every page a server lists, all at once, as a Weft pipeline: the tasks that talk to the
 * server return {@code CompletableFuture}s from {@link HttpClient#sendAsync}, and a downstream
 * task gathers their values, as {@code asyncio.gather} gathers coroutines.
 *
 * <p>No worker thread waits for a response: a task returns its future at once, and the engine
 * takes the value when the future completes. So on a single worker thread every request is in
 * flight at the same time — up to a cap, {@link #DEFAULT_MAX_REQUESTS} unless the constructor is
 * told otherwise — and the fetch takes about as long as the slowest request, not as long as all
 * of them one after another.
 *
 * <p>The cap is there because each request in flight holds a connection, a file descriptor at
 * each end: a thousand-odd at once would run out of them ("Too many open files"), as an unbounded
 * {@code asyncio.gather} does, and as with a {@code asyncio.Semaphore} the requests beyond it wait
 * in a queue. They wait without a thread: a request past the cap is a future that starts when
 * one ahead of it completes (see {@link Permits}), so the tasks still return at once.
 *
 * <p>The server is expected to answer {@code GET /} with the paths of its pages, one per line,
 * and {@code GET /path} with a page, as {@link PageServer} does.
 */
public class PageFetcher {
  /** How many requests are in flight at once, at most, unless the constructor says otherwise. */
  public static final int DEFAULT_MAX_REQUESTS = 200;

  private final Permits permits;

  /** A fetcher with at most {@link #DEFAULT_MAX_REQUESTS} requests in flight at once. */
  public PageFetcher() {
    this(DEFAULT_MAX_REQUESTS);
  }

  /**
   * A fetcher with at most {@code maxRequests} requests in flight at once.
   *
   * @throws IllegalArgumentException if {@code maxRequests} is less than 1
   */
  public PageFetcher(int maxRequests) {
    this.permits = new Permits(maxRequests);
  }

  /**
   * The paths of the pages that {@code server} lists. Not cached: what a server says may change
   * from one run to the next. The client is not part of any cache key ({@code key = false}).
   */
  @Task(cache = false)
  public CompletableFuture<List<String>> index(@Input URI server,
      @Input(key = false) HttpClient client) {
    URI uri = server.resolve("/");
    return get(client, uri).thenApply(body ->
        new String(body, StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList());
  }

  /**
   * One page, with its size and lines; runs once per path of {@code index}. Every call returns
   * its future at once, so all the requests are in flight together, up to the cap.
   */
  @Task(cache = false)
  public CompletableFuture<Page> pages(@Each("index") String path, @Input URI server,
      @Input(key = false) HttpClient client) throws URISyntaxException {
    URI uri = server.resolve(new URI(null, null, "/" + path, null)); // escapes what needs it
    return get(client, uri).thenApply(body -> Page.of(path, body));
  }

  /** The pages added up, and the five largest: the values of every future, gathered. */
  @Task
  public Summary summary(List<Page> pages) {
    return new Summary(pages.size(),
        pages.stream().mapToLong(Page::bytes).sum(),
        pages.stream().mapToLong(Page::lines).sum(),
        pages.stream()
            .sorted(Comparator.comparingInt(Page::bytes).reversed().thenComparing(Page::path))
            .limit(5)
            .toList());
  }

  /**
   * The body of {@code GET uri}, sent when a permit is free; fails with an {@link IOException}
   * unless the status is 200.
   */
  private CompletableFuture<byte[]> get(HttpClient client, URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
    CompletableFuture<HttpResponse<byte[]>> sent =
        permits.run(() -> client.sendAsync(request, BodyHandlers.ofByteArray()));
    return sent.thenApply(response -> {
      if (response.statusCode() != 200) {
        throw new CompletionException(new IOException("GET " + uri + " answered HTTP "
            + response.statusCode() + ": " + text(response)));
      }
      return response.body();
    });
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8).strip();
  }
}
