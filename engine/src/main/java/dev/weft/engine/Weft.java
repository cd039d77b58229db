package dev.weft.engine;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.values.Codec;
import dev.weft.engine.values.Codecs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: runs flows, executing the ready tasks of each in parallel on a fixed set of worker
 * threads.
 *
 * <pre>{@code
 * try (Weft weft = Weft.builder().parallelism(4).build()) {
 *   Flow flow = WordStatsFlow.of(new WordStats());
 *   Inputs in = Inputs.of(WordStatsFlow.CORPUS, Path.of("docs")).and(WordStatsFlow.TOP, 10);
 *   String report = weft.compute(flow, WordStatsFlow.REPORT, in);
 * }
 * }</pre>
 *
 * <p>A run executes only the upstream closure of its targets, each task at most once, at most
 * {@link Builder#parallelism parallelism} tasks at a time (idle workers park; none spins). A task
 * starts as soon as the last task it depends on has produced its value. Tasks returning a
 * {@code CompletableFuture} hold no worker while they wait. Mistakes in the call — a missing
 * input, an input of the wrong type, an unknown target — throw {@link GraphException} before any
 * task starts.
 *
 * <p>Failures: by default the first task that fails for good (after its {@code @Task(retries)},
 * with exponential back-off) stops the run — nothing more starts, running tasks are interrupted
 * — and the run throws {@link TaskFailedException}. With {@link Builder#keepGoing keepGoing}, the
 * tasks that do not depend on a failure run to the end, its dependents are {@code SKIPPED}, and
 * {@link #run run} returns a result listing the failures. A task exceeding its {@code
 * @Task(timeout)} is interrupted and fails.
 *
 * <p>Caching: every result is memoized under a key made of the task's identity, its code (the
 * fingerprint of its method's bytecode and of the project code it calls, or its {@code
 * @Task(version)}), the fingerprints of the inputs it reads and the digests of the values it
 * reads from upstream tasks. A run first works out the keys it can without loading anything: a
 * target whose key is cached is loaded — from memory, or from the {@link Builder#cacheDir cache
 * directory} — and nothing upstream of it is loaded or run. A task that executes again and
 * produces the value it produced before leaves its dependents cached. Each {@link TaskOutcome}
 * says where a value came from and, for an executed task, why it executed. Values in the
 * memory tier are shared, not copied, between runs: treat values as immutable. Tasks declared
 * {@code @Task(cache = false)}, and tasks reading an input that cannot be fingerprinted, run
 * whenever they are needed. Two runs that need the same key at once compute it once. See
 * {@link #cache()} to inspect, clear or prune the caches, and {@link Builder#caching} to turn
 * them off.
 *
 * <p>A {@code Weft} is thread-safe: several runs, of the same flow or others, may be in flight at
 * once and share its workers and limits. {@link #close()} cancels the runs in flight and stops its
 * threads. One instance of a flow's class serves every task of a run concurrently, so task
 * methods must be safe to call from several threads.
 */
public final class Weft implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Weft.class);
  private static final AtomicInteger instances = new AtomicInteger();
  /** Back-off doubles per retry up to this cap, so a task with many retries still retries. */
  private static final long MAX_RETRY_DELAY_NANOS = TimeUnit.MINUTES.toNanos(1);

  final ForkJoinPool workers;
  final ScheduledThreadPoolExecutor timer;
  final Limiter limiter;
  final boolean keepGoing;
  final Events events;
  final boolean listening;
  private final int parallelism;
  private final long retryBaseNanos;
  private final Set<Run> active = ConcurrentHashMap.newKeySet();
  /** The caches, or null when caching is off. */
  final @Nullable Memo memo;
  private final @Nullable Cache cache;
  private volatile boolean closed;

  private Weft(Builder builder) {
    int id = instances.incrementAndGet();
    this.parallelism = builder.parallelism > 0
        ? builder.parallelism : Runtime.getRuntime().availableProcessors();
    AtomicInteger workerIds = new AtomicInteger();
    ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
      ForkJoinWorkerThread thread =
          ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
      thread.setName("weft-" + id + "-worker-" + workerIds.incrementAndGet());
      return thread;
    };
    // maximumPoolSize = parallelism: the pool never adds threads to make up for blocked ones, so
    // at most `parallelism` tasks run at once, whatever they do. asyncMode: each worker takes its
    // own queue first-in first-out, so ready tasks start in the order they became ready.
    this.workers = new ForkJoinPool(parallelism, factory, null, true, 0, parallelism, 1,
        pool -> true, 30, TimeUnit.SECONDS);
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "weft-" + id + "-timer");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true); // timeouts are mostly cancelled: don't keep them queued
    this.limiter = new Limiter(builder.limits);
    this.keepGoing = builder.keepGoing;
    this.events = new Events(builder.listeners);
    this.listening = !events.isEmpty();
    this.retryBaseNanos = builder.retryBaseDelay.toNanos();
    if (builder.caching) {
      Memo memo;
      try {
        memo = new Memo(builder.memoryCacheBytes, builder.cacheDir, builder.codecs.build(),
            builder.hashFileContents);
      } catch (RuntimeException e) {
        workers.shutdownNow();
        timer.shutdownNow();
        throw e;
      }
      this.memo = memo;
      this.cache = new Cache(memo);
    } else {
      this.memo = null;
      this.cache = null;
    }
  }

  /** Returns a builder with the defaults: one worker per processor, fail-fast, no listener. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs what {@code target} needs and returns its value.
   *
   * @throws GraphException if the target is not a task of the flow, or an input it needs is
   *     missing or of the wrong type; thrown before any task starts
   * @throws TaskFailedException if a task failed (with keepGoing too)
   * @throws CancellationException if the run was cancelled, or the calling thread interrupted
   *     while waiting (which cancels the run)
   */
  public <T> T compute(Flow flow, Key<T> target, Inputs inputs) {
    requireNonNull(target, "target");
    return run(flow, inputs, target).get(target);
  }

  /**
   * Runs what {@code targets} need — every task of the flow when none is given — and returns the
   * result, waiting for it.
   *
   * @throws GraphException if a target is not a task of the flow, or an input the targets need is
   *     missing or of the wrong type; thrown before any task starts
   * @throws TaskFailedException if a task failed and this Weft does not keep going
   * @throws CancellationException if the run was cancelled, or the calling thread interrupted
   *     while waiting (which cancels the run)
   */
  public RunResult run(Flow flow, Inputs inputs, Key<?>... targets) {
    RunHandle handle = start(flow, inputs, targets);
    try {
      return handle.await();
    } catch (InterruptedException e) {
      handle.cancel();
      Thread.currentThread().interrupt();
      CancellationException cancelled =
          new CancellationException("interrupted while waiting for flow '" + flow.name() + "'");
      cancelled.initCause(e);
      throw cancelled;
    }
  }

  /**
   * Starts a run and returns at once with its handle; the checks of {@link #run} happen before
   * this returns, and throw the same {@link GraphException}s.
   */
  public RunHandle start(Flow flow, Inputs inputs, Key<?>... targets) {
    requireNonNull(inputs, "inputs");
    requireNonNull(targets, "targets");
    FlowGraph graph = Flows.graph(flow, "the flow to run");
    BitSet targetNodes = RunChecks.targets(graph, targets);
    BitSet needed = RunChecks.needed(graph, targetNodes);
    RunChecks.inputs(graph, needed, inputs);
    if (closed) {
      throw new IllegalStateException("this Weft is closed; build a new one to run flows");
    }
    RunCache plan = memo == null ? null : RunCache.plan(memo, graph, inputs, needed, targetNodes);
    Run run = new Run(this, graph, inputs, plan == null ? needed : plan.needed(), targetNodes,
        targets.length == 0, plan);
    active.add(run);
    if (closed) {
      active.remove(run);
      throw new IllegalStateException("this Weft is closed; build a new one to run flows");
    }
    RunHandle handle = new RunHandle(run);
    run.start();
    return handle;
  }

  /**
   * Returns the caches, to read their statistics, clear or prune them.
   *
   * @throws IllegalStateException if this Weft was built with {@code caching(false)}
   */
  public Cache cache() {
    Cache cache = this.cache;
    if (cache == null) {
      throw new IllegalStateException("this Weft was built with caching(false), so it has no"
          + " cache; build one without it to memoize");
    }
    return cache;
  }

  /**
   * Returns a new instance of {@code type} whose {@code @Task} methods, called directly from plain
   * Java, are memoized: a call whose arguments have the same content as an earlier call's (and
   * whose method's code is unchanged) returns the earlier result instead of running the method —
   * from memory, or from the cache directory across JVMs. Calls between {@code @Task} methods of
   * the instance are memoized too. The instance is a subclass made with Byte Buddy through the
   * no-argument constructor.
   *
   * <p>A call whose arguments cannot be fingerprinted, or of a method declared {@code @Task(cache
   * = false)}, runs every time (the former with one warning naming the argument's type). With
   * {@code caching(false)} every call runs. A returned value may be the cached object itself,
   * shared with other callers: do not modify it. The instance uses this Weft's caches, so once
   * the Weft is closed its memoized calls throw {@link IllegalStateException} if the Weft has a
   * cache directory (memory-only instances keep their memory tier).
   *
   * @throws IllegalArgumentException if {@code type} is final, has no accessible no-argument
   *     constructor, declares no {@code @Task} method, or has a {@code @Task} method that cannot
   *     be overridden (private, final or static)
   */
  public <T> T memoize(Class<T> type) {
    requireNonNull(type, "type");
    if (closed) {
      throw new IllegalStateException("this Weft is closed; build a new one to memoize");
    }
    return Memoizer.create(memo, type);
  }

  /** The number of worker threads: at most this many tasks run at once. */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Cancels the runs in flight (their futures complete with a {@link CancellationException}),
   * interrupts running tasks and stops every thread of this Weft, waiting up to ten seconds for
   * tasks that ignore interrupts. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    for (Run run : active) {
      run.stop(new CancellationException("the Weft running flow '" + run.graph.name()
          + "' was closed"));
    }
    workers.shutdownNow();
    timer.shutdownNow();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)
          || !timer.awaitTermination(1, TimeUnit.SECONDS)) {
        log.warn("Weft closed, but some tasks ignored their interrupt and still run");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (memo != null) {
        memo.close(); // after the workers, so that the values they stored reach the disk
      }
    }
  }

  /** The base delay doubled once per earlier failed attempt, capped at a minute. */
  long retryDelayNanos(int failedAttempt) {
    long delay = retryBaseNanos;
    for (int i = 1; i < failedAttempt && delay < MAX_RETRY_DELAY_NANOS; i++) {
      delay *= 2;
    }
    return Math.min(delay, MAX_RETRY_DELAY_NANOS);
  }

  void runEnded(Run run) {
    active.remove(run);
  }

  /** A failure of a run, as the blocking calls throw it. */
  static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof RuntimeException e) {
      return e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(failure);
  }

  /**
   * Configures a {@link Weft}. Each setting may be given once; a second call names the first
   * value.
   */
  public static final class Builder {
    private int parallelism;
    private final Map<String, Integer> limits = new LinkedHashMap<>();
    private boolean keepGoing;
    private boolean keepGoingSet;
    private final List<RunListener> listeners = new ArrayList<>();
    private Duration retryBaseDelay = Duration.ofMillis(100);
    private boolean retryBaseDelaySet;
    private boolean caching = true;
    private boolean cachingSet;
    private long memoryCacheBytes = defaultMemoryCacheBytes();
    private boolean memoryCacheBytesSet;
    private @Nullable Path cacheDir;
    private boolean hashFileContents;
    private boolean hashFileContentsSet;
    private final Codecs.Builder codecs = Codecs.builder();

    private Builder() {}

    /**
     * How many tasks run at once, on as many worker threads. Default: the number of available
     * processors.
     *
     * @throws IllegalArgumentException if {@code parallelism} is less than 1
     * @throws IllegalStateException if parallelism was already set
     */
    @CanIgnoreReturnValue
    public Builder parallelism(int parallelism) {
      if (this.parallelism != 0) {
        throw new IllegalStateException("parallelism was already set to " + this.parallelism);
      }
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /**
     * Lets at most {@code permits} tasks holding tag {@code tag} (in {@code @Task(limits)}) run at
     * once, across every run of the Weft — for a database that takes four connections, a service
     * that allows two calls. A task waiting for a permit holds no worker thread.
     *
     * @throws IllegalArgumentException if {@code permits} is less than 1 or {@code tag} is blank
     * @throws IllegalStateException if the tag's limit was already set
     */
    @CanIgnoreReturnValue
    public Builder limit(String tag, int permits) {
      requireNonNull(tag, "tag");
      if (tag.isBlank()) {
        throw new IllegalArgumentException("a limit's tag must not be blank");
      }
      if (permits < 1) {
        throw new IllegalArgumentException(
            "limit of tag '" + tag + "' must be at least 1 permit, not " + permits);
      }
      Integer earlier = limits.putIfAbsent(tag, permits);
      if (earlier != null) {
        throw new IllegalStateException(
            "limit of tag '" + tag + "' was already set to " + earlier);
      }
      return this;
    }

    /**
     * Whether a run goes on after a task fails: {@code true} runs every task that does not depend
     * on a failure, marks its dependents {@code SKIPPED}, and returns the result listing the
     * failures; {@code false} (the default) stops the run at the first failure and throws {@link
     * TaskFailedException}.
     *
     * @throws IllegalStateException if it was already set
     */
    @CanIgnoreReturnValue
    public Builder keepGoing(boolean keepGoing) {
      if (keepGoingSet) {
        throw new IllegalStateException("keepGoing was already set to " + this.keepGoing);
      }
      this.keepGoing = keepGoing;
      this.keepGoingSet = true;
      return this;
    }

    /**
     * Adds a listener for the events of every run. Listeners are called in the order they were
     * added, from worker threads.
     */
    @CanIgnoreReturnValue
    public Builder listener(RunListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The wait before the first retry of a failed task; each further retry waits twice as long
     * as the one before, up to a minute. Default: 100 ms.
     *
     * @throws IllegalArgumentException if {@code delay} is negative
     * @throws IllegalStateException if it was already set
     */
    @CanIgnoreReturnValue
    public Builder retryBaseDelay(Duration delay) {
      requireNonNull(delay, "delay");
      if (retryBaseDelaySet) {
        throw new IllegalStateException("retryBaseDelay was already set to " + retryBaseDelay);
      }
      if (delay.isNegative()) {
        throw new IllegalArgumentException("retryBaseDelay must not be negative, not " + delay);
      }
      this.retryBaseDelay = delay;
      this.retryBaseDelaySet = true;
      return this;
    }

    /**
     * Whether results are memoized (default true). With {@code false} nothing is cached, looked up
     * or written, every task a run needs executes and outcomes say {@code caching off}: for
     * debugging, and for measuring the scheduler alone.
     *
     * @throws IllegalStateException if it was already set
     */
    @CanIgnoreReturnValue
    public Builder caching(boolean caching) {
      if (cachingSet) {
        throw new IllegalStateException("caching was already set to " + this.caching);
      }
      this.caching = caching;
      this.cachingSet = true;
      return this;
    }

    /**
     * The most the memory tier holds, in bytes: each value weighs its encoded size plus a fixed
     * overhead ({@value Memo#ENTRY_OVERHEAD} bytes), a value without an encoding {@value
     * Memo#UNENCODED_WEIGHT} bytes; the least recently used go first. Default: a quarter of the
     * maximum heap, at most 256 MiB. 0 keeps nothing in memory, which leaves the disk tier and
     * the sharing of one computation between concurrent runs.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     * @throws IllegalStateException if it was already set
     */
    @CanIgnoreReturnValue
    public Builder memoryCacheBytes(long bytes) {
      if (memoryCacheBytesSet) {
        throw new IllegalStateException("memoryCacheBytes was already set to " + memoryCacheBytes);
      }
      if (bytes < 0) {
        throw new IllegalArgumentException("memoryCacheBytes must not be negative, not " + bytes);
      }
      this.memoryCacheBytes = bytes;
      this.memoryCacheBytesSet = true;
      return this;
    }

    /**
     * Enables the disk tier in {@code dir}, made (owner-only) if it is missing, so that results
     * outlive the JVM: a later run, in this process or another, loads what is there instead of
     * computing it. Several processes may share one directory. Default: memory only.
     *
     * @throws IllegalStateException if it was already set
     */
    @CanIgnoreReturnValue
    public Builder cacheDir(Path dir) {
      requireNonNull(dir, "dir");
      if (cacheDir != null) {
        throw new IllegalStateException("cacheDir was already set to " + cacheDir);
      }
      this.cacheDir = dir;
      return this;
    }

    /**
     * Whether a {@code Path} or {@code File} input is fingerprinted by the content of its files
     * ({@code true}) or by their size and modification time ({@code false}, the default):
     * slower, but blind to a {@code touch} and alert to a same-size edit within the file
     * system's clock resolution.
     *
     * @throws IllegalStateException if it was already set
     */
    @CanIgnoreReturnValue
    public Builder hashFileContents(boolean hashFileContents) {
      if (hashFileContentsSet) {
        throw new IllegalStateException(
            "hashFileContents was already set to " + this.hashFileContents);
      }
      this.hashFileContents = hashFileContents;
      this.hashFileContentsSet = true;
      return this;
    }

    /**
     * Stores values whose raw class is {@code type} on disk with {@code codec} instead of
     * Jackson, for types Jackson cannot read or write. The codec must decode what it encodes to
     * an equal value, and encode equal values to equal bytes.
     *
     * @throws IllegalStateException if a codec was already registered for {@code type}
     */
    @CanIgnoreReturnValue
    public <T> Builder codec(Class<T> type, Codec<T> codec) {
      codecs.register(requireNonNull(type, "type"), requireNonNull(codec, "codec"));
      return this;
    }

    /**
     * Stores values of exactly {@code type} (such as {@code List<Point>}) with {@code codec};
     * see {@link #codec(Class, Codec)}.
     *
     * @throws IllegalStateException if a codec was already registered for {@code type}
     */
    @CanIgnoreReturnValue
    public <T> Builder codec(TypeToken<T> type, Codec<T> codec) {
      codecs.register(requireNonNull(type, "type"), requireNonNull(codec, "codec"));
      return this;
    }

    private static long defaultMemoryCacheBytes() {
      return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 4);
    }

    /**
     * Builds the Weft and starts its worker threads.
     *
     * @throws java.io.UncheckedIOException if the cache directory cannot be made or used
     */
    public Weft build() {
      return new Weft(this);
    }
  }
}
