package dev.weft.engine;

import dev.weft.engine.TaskOutcome.Status;
import dev.weft.engine.internal.Csr;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/*
 * The scheduler: one run of a flow, event-driven.
 *
 * Nodes. The run works on the flow's node numbers (inputs first, then tasks in topological order,
 * so every dependency has a smaller number) and keeps its state in arrays indexed by them — a few
 * dozen bytes a node, no object per node. Only the upstream closure of the targets is `needed`;
 * the rest of the flow is ignored.
 *
 * States of a needed task (`state`, changed only by compare-and-set):
 *   WAITING   some dependency has not executed; `pending` counts the unexecuted ones
 *   STARTED   claimed by the thread that saw `pending` reach zero; its attempts are queued,
 *             running, awaiting a future, or backing off before a retry
 *   EXECUTED, FAILED, SKIPPED, CANCELLED   settled. Every needed task settles exactly once, by
 *             whoever wins the compare-and-set; `unsettled` counts down to the end of the run.
 *
 * Ordering. When a task executes, its value is stored, then the `pending` counter of each needed
 * dependent is decremented; the thread taking a counter to zero claims that dependent and starts
 * it. The atomic decrement orders the value's write before the dependent's read. Nothing
 * recurses: a worker that frees dependents submits all but one to the pool and runs that one
 * itself in a loop, which makes a chain cost no queue operations; fan-out elements, tasks with
 * limits and tasks returning futures always go through the pool or the limiter.
 *
 * Attempts. Each invocation of a body is an Attempt, which the worker, a canceller and the
 * timeout timer race to move out of its running phase (see Attempt). A failed attempt is retried
 * with exponential back-off from the timer thread; the task stays STARTED meanwhile. A body stolen
 * while it runs keeps its worker and its limit permits until it returns, however long it ignores
 * its interrupt; a timed-out attempt's retry waits for that too, so a task never has two
 * invocations at once and limits always hold.
 *
 * Failure. A task fails when its last attempt throws or times out. By default the run stops:
 * `stopping` is set, every attempt in flight is stolen (its thread interrupted, its future
 * cancelled), and every needed task not yet settled becomes CANCELLED; the run's future fails
 * with a TaskFailedException. With keepGoing, the failed task's dependents, transitively, become
 * SKIPPED and everything else runs on. A cancel is a stop with a CancellationException.
 *
 * Events. Listener calls pass through a gate (`events`): `runFinished`, and the completion of
 * the run's future, wait until no task event is being delivered, and an event that would come
 * after them is dropped. Nothing a listener or a task does — an Error, a toString() that throws —
 * can leave a run unfinished; a failure of this bookkeeping itself stops the run.
 *
 * Memory. An intermediate value is dropped from `values` once every needed task reading it has
 * settled (`uses` counts them down), so a long chain holds O(1) values; targets are kept for the
 * RunResult.
 *
 * Caching (`cache`, null with caching off; see RunCache). The plan, made before the run, decides
 * which tasks are needed at all: a task whose key it found cached is a planned hit, loaded rather
 * than computed, and what it reads is not needed. A planned hit waits for nothing and reads
 * nothing, so it stays out of the counters of `pending` and `uses` of the tasks around it. One
 * whose value the plan holds settles at once; one on disk gets an attempt that loads it (and, if
 * the entry is gone by then, a run of its own that computes it). Every other task looks itself up
 * when its first attempt starts, before its body: a hit settles it, another run computing the
 * same key is waited for holding no worker and no permit, and a miss leaves this run holding the
 * key's claim until the task settles — `settle` gives up the claims of a task that ends without a
 * value. A fan-out's first attempt is that lookup; its elements look themselves up one by one.
 * Hits are EXECUTED in `state`; the cache remembers which tier they came from.
 */
final class Run {
  static final int WAITING = 0;
  static final int STARTED = 1;
  static final int EXECUTED = 2;
  static final int FAILED = 3;
  static final int SKIPPED = 4;
  static final int CANCELLED = 5;

  final Weft weft;
  final FlowGraph graph;
  private final Inputs inputs;
  /** The cache side of the run: keys, digests, what the plan found cached; null: caching off. */
  final @Nullable RunCache cache;
  private final Csr dependencies;
  private final Csr dependents;
  final BitSet needed;
  final BitSet targets;
  /** Whether the caller named no target, so that every task is one. */
  final boolean allTasks;
  final int[] neededTasks;

  final @Nullable Object[] values;
  final AtomicIntegerArray state;
  private final AtomicIntegerArray pending;
  private final AtomicIntegerArray uses;
  final AtomicIntegerArray attempts;
  private final long[] startNanos;
  final long[] durationNanos;
  final @Nullable TaskFailedException[] failures;
  /** The running Attempt of a plain task, or the FanOut of a fan-out task. */
  private final AtomicReferenceArray<@Nullable Object> live;

  private final AtomicInteger unsettled;
  private volatile boolean stopping;
  private volatile @Nullable RuntimeException stopCause;
  private final AtomicBoolean finished = new AtomicBoolean();
  /** Events being delivered to listeners, or -1 once runFinished has been (or is being) sent. */
  private final AtomicInteger events = new AtomicInteger();
  private volatile boolean ending;
  final CompletableFuture<RunResult> future = new CompletableFuture<>();

  Run(Weft weft, FlowGraph graph, Inputs inputs, BitSet needed, BitSet targets,
      boolean allTasks, @Nullable RunCache cache) {
    this.allTasks = allTasks;
    this.weft = weft;
    this.graph = graph;
    this.inputs = inputs;
    this.cache = cache;
    this.dependencies = graph.dependencies();
    this.dependents = graph.dependents();
    this.needed = needed;
    this.targets = targets;
    int nodes = graph.nodeCount();
    this.values = new Object[nodes];
    this.state = new AtomicIntegerArray(nodes);
    this.pending = new AtomicIntegerArray(nodes);
    this.uses = new AtomicIntegerArray(nodes);
    this.attempts = new AtomicIntegerArray(nodes);
    this.startNanos = new long[nodes];
    this.durationNanos = new long[nodes];
    this.failures = new TaskFailedException[nodes];
    this.live = new AtomicReferenceArray<>(nodes);

    int firstTask = graph.inputCount();
    int[] tasks = new int[needed.cardinality()];
    int count = 0;
    for (int n = needed.nextSetBit(firstTask); n >= 0; n = needed.nextSetBit(n + 1)) {
      tasks[count++] = n;
    }
    this.neededTasks = count == tasks.length ? tasks : Arrays.copyOf(tasks, count);
    for (int node : neededTasks) {
      if (plannedHit(node)) {
        continue; // loaded, not computed: it reads nothing
      }
      int waitingFor = 0;
      for (int p = dependencies.from(node); p < dependencies.to(node); p++) {
        int dependency = dependencies.target(p);
        // Plain increments: the run is built on one thread and published by the pool's submit.
        uses.lazySet(dependency, uses.get(dependency) + 1);
        if (dependency >= firstTask) {
          waitingFor++;
        }
      }
      pending.set(node, waitingFor);
    }
    for (int input = needed.nextSetBit(0); input >= 0 && input < firstTask;
        input = needed.nextSetBit(input + 1)) {
      values[input] = inputs.value(graph.key(input).name()).orElseThrow();
    }
    this.unsettled = new AtomicInteger(neededTasks.length);
  }

  /** Starts every needed task that depends on no other task. */
  void start() {
    if (enterEvents()) {
      try {
        weft.events.runStarted(graph.name(), neededTasks.length);
      } finally {
        leaveEvents();
      }
    }
    if (neededTasks.length == 0) {
      finish();
      return;
    }
    try {
      // Launched from a worker: a worker pushes to its own queue cheaply, while one submission
      // from outside the pool per root would wake a worker for each.
      weft.workers.execute(this::launchRoots);
    } catch (RejectedExecutionException closed) {
      stop(new CancellationException("the Weft for flow '" + graph.name() + "' is closed"));
    }
  }

  private void launchRoots() {
    for (int node : neededTasks) {
      if (pending.get(node) == 0 && claim(node)) {
        launch(node);
      }
    }
  }

  // ---- Starting tasks ------------------------------------------------------------------------

  /** Claims a ready task for starting; false if the run is stopping or the task was skipped. */
  private boolean claim(int node) {
    if (stopping || !state.compareAndSet(node, WAITING, STARTED)) {
      return false;
    }
    // A stop that began after the check above cancels the task; don't start what it cancels.
    return !stopping;
  }

  /**
   * Launches a claimed task: its first attempt, or the elements of a fan-out. With a cache, a
   * fan-out first gets an attempt that looks it up, and fans out only on a miss; a hit the plan
   * found in memory settles at once.
   */
  private void launch(int node) {
    TaskSpec<?> spec = graph.taskAt(node);
    if (cache != null && cache.pinnedHit(node)) {
      startNanos[node] = System.nanoTime();
      succeedNode(node, cache.takePinned(node), false);
      return;
    }
    if (spec.each().isEmpty() || cache != null) {
      dispatch(firstAttempt(node));
      return;
    }
    startNanos[node] = System.nanoTime();
    launchElements(node);
  }

  /** Runs a fan-out task's body once per element of its source. */
  private void launchElements(int node) {
    TaskSpec<?> spec = graph.taskAt(node);
    startedEvent(node);
    int source = graph.indexOf(spec.each().get());
    Object collection = values[source];
    Object[] elements;
    try {
      elements = collection instanceof Collection<?> c ? c.toArray() : null;
    } catch (RuntimeException e) { // a concurrently modified or broken collection
      failNode(node, e, " reading the elements of '" + graph.key(source).name() + "'");
      return;
    }
    if (elements == null) {
      failNode(node, new IllegalStateException(
          "task '" + spec.name() + "' fans out over '" + graph.key(source).name() + "', whose value "
              + (collection == null ? "is null" : "is a " + collection.getClass().getName())
              + ", not a Collection"), "");
      return;
    }
    FanOut fanOut = new FanOut(elements, cache != null);
    if (fanOut.size() == 0) {
      succeedNode(node, fanOut.value(), false);
      return;
    }
    live.set(node, fanOut);
    for (int i = 0; i < fanOut.size(); i++) {
      dispatch(new Attempt(this, node, fanOut, i, fanOut.elements[i], 1));
    }
  }

  private Attempt firstAttempt(int node) {
    startNanos[node] = System.nanoTime();
    return new Attempt(this, node, null, -1, null, 1);
  }

  private void startedEvent(int node) {
    if (enterEvents()) {
      try {
        weft.events.taskStarted(graph.taskAt(node).name());
      } finally {
        leaveEvents();
      }
    }
  }

  /** Sends an attempt to the pool, through the limiter if its task holds a limited tag. */
  private void dispatch(Attempt attempt) {
    if (stopping) {
      return;
    }
    track(attempt);
    Collection<String> tags = graph.taskAt(attempt.node).limits();
    if (weft.limiter.limits(tags) && holdsLimits(attempt)) {
      if (!weft.limiter.acquireOrQueue(tags, () -> {
        attempt.permitted();
        submit(attempt);
      })) {
        return; // the limiter starts it when permits free up
      }
      attempt.permitted();
    }
    submit(attempt);
  }

  /**
   * Whether an attempt runs a body and so holds its task's limits: not a fan-out's lookup, whose
   * elements hold them, nor the load of a value the plan found cached.
   */
  private boolean holdsLimits(Attempt attempt) {
    return attempt.fanOut != null
        || (graph.taskAt(attempt.node).each().isEmpty()
            && (cache == null || !cache.plannedHit(attempt.node)));
  }

  private void submit(Attempt attempt) {
    try {
      weft.workers.execute(attempt);
    } catch (RejectedExecutionException closed) {
      // Only a closed Weft rejects work, and closing stops its runs first: nothing to do.
      releasePermits(attempt);
    }
  }

  private void track(Attempt attempt) {
    if (attempt.fanOut == null) {
      // A release store: a stop that misses it lets this one attempt run to its end unasked.
      live.lazySet(attempt.node, attempt);
    } else {
      attempt.fanOut.attempts.set(attempt.element, attempt);
    }
  }

  // ---- Running attempts (worker threads) -----------------------------------------------------

  /** Runs an attempt on the current worker, then the tasks it frees that may run inline. */
  void execute(Attempt attempt) {
    int next = invoke(attempt);
    while (next >= 0) {
      Attempt inline = firstAttempt(next);
      track(inline);
      next = invoke(inline);
    }
  }

  /** Invokes the body once; returns a freed task to run inline, or -1. */
  private int invoke(Attempt attempt) {
    TaskSpec<?> spec = graph.taskAt(attempt.node);
    if (!attempt.begin() || stopping) {
      attempt.end();
      releasePermits(attempt);
      return -1; // stolen before it started, or the run stopped meanwhile
    }
    if (attempt.fanOut != null && attempt.number == 1 && cache != null) {
      Memoized cached = cache.lookUpElement(attempt.node, attempt.fanOut, attempt.element, this);
      if (cached != null || stopping) {
        return !endWithoutBody(attempt) || cached == null
            ? -1 : attemptSucceeded(attempt, cached.value(), false);
      }
    }
    if (attempt.fanOut == null && attempt.number == 1) {
      if (cache != null) {
        int found = lookUp(attempt);
        if (found != PROCEED) {
          return found;
        }
        if (stopping) { // the stop came while it looked up: its claim is already given up
          endWithoutBody(attempt);
          return -1;
        }
      }
      if (!spec.each().isEmpty()) { // a fan-out that missed: its elements run now
        if (endWithoutBody(attempt)) {
          launchElements(attempt.node);
        }
        return -1;
      }
      startedEvent(attempt.node);
    }
    if (attempt.fanOut == null) {
      attempts.lazySet(attempt.node, attempts.get(attempt.node) + 1); // one attempt at a time
    } else {
      attempts.incrementAndGet(attempt.node); // elements run concurrently
    }
    spec.timeout().ifPresent(limit -> attempt.timeout(weft.timer.schedule(
        () -> timedOut(attempt, limit), limit.toNanos(), TimeUnit.NANOSECONDS)));
    Object result = null;
    Throwable failure = null;
    try {
      result = spec.body().call(attempt);
    } catch (Throwable t) { // everything a task throws is its failure, Errors included
      failure = t;
    }
    if (failure == null && spec.async()) {
      return awaitStage(attempt, spec, result);
    }
    if (!attempt.end()) {
      stolenBodyReturned(attempt);
      return -1;
    }
    attempt.cancelTimeout();
    releasePermits(attempt);
    if (failure != null) {
      attemptFailed(attempt, failure);
      return -1;
    }
    return attemptSucceeded(attempt, result, true);
  }

  /**
   * Ends an attempt that ran no body — a lookup — and returns its permits. Returns whether its
   * outcome counts: false if it was stolen meanwhile (by a stop).
   */
  private boolean endWithoutBody(Attempt attempt) {
    if (!attempt.end()) {
      stolenBodyReturned(attempt);
      return false;
    }
    releasePermits(attempt);
    return true;
  }

  /** What {@link #lookUp} returns when the task is to run: it is not cached. */
  private static final int PROCEED = -2;

  /**
   * Looks a task up in the cache before its first attempt runs its body. Returns {@link
   * #PROCEED} on a miss; else settles the task from the cache (returning a freed task to run
   * inline, or -1), or leaves the attempt waiting for another run computing the same key.
   */
  private int lookUp(Attempt attempt) {
    RunCache cache = this.cache;
    int node = attempt.node;
    Memo.Lookup found = cache.lookUp(node, this);
    boolean planned = cache.plannedHit(node);
    if (found instanceof Memo.Lookup.Hit hit) {
      return endWithoutBody(attempt) ? succeedNode(node, hit.entry().value(), true) : -1;
    }
    if (found instanceof Memo.Lookup.Wait wait) {
      // Waiting holds no permit: the run computing the value may need it, for a retry say.
      releasePermits(attempt);
      awaitOther(attempt, wait.other());
      return -1;
    }
    if (planned) {
      // The plan saw the value on disk, but it is gone or unreadable now, and its upstream was
      // never loaded: a run of its own computes it.
      cache.abandon(node);
      cache.unreadable(node); // so that the run computing it does not plan to load it again
      releasePermits(attempt); // the run computing it may need them
      recompute(attempt);
      return -1;
    }
    return PROCEED;
  }

  /** Waits, holding no worker, for another run that computes the value of the same key. */
  private void awaitOther(Attempt attempt, CompletableFuture<Memoized> other) {
    CompletableFuture<Memoized> view = other.copy(); // cancelling ours must not cancel theirs
    if (!attempt.awaiting(view)) {
      stolenBodyReturned(attempt);
      return;
    }
    view.whenComplete((entry, error) -> {
      if (!attempt.completeAwaited()) {
        return;
      }
      try {
        releasePermits(attempt);
        if (entry != null) {
          cache.waited(attempt.node, entry);
          succeedNode(attempt.node, entry.value(), false);
        } else { // the other computation failed or was cancelled: look again, maybe compute it
          dispatch(new Attempt(this, attempt.node, null, -1, null, 1));
        }
      } catch (Throwable t) { // a future would swallow it, and the run would never end
        internalFailure(t);
      }
    });
  }

  /**
   * Computes a task the plan expected to load, in a run of its own (whose plan sees the entry
   * missing and runs what the task needs), and settles it with that run's value.
   */
  private void recompute(Attempt attempt) {
    int node = attempt.node;
    Key<?> key = graph.key(node);
    RunHandle other;
    try {
      other = weft.start(graph, inputs, key);
    } catch (RuntimeException e) {
      if (endWithoutBody(attempt)) {
        failNode(node, e, "");
      }
      return;
    }
    CompletableFuture<RunResult> view = other.future().copy();
    view.whenComplete((result, error) -> {
      if (view.isCancelled()) {
        other.cancel();
      }
    });
    if (!attempt.awaiting(view)) {
      other.cancel(); // this run is stopping: nobody wants its value
      stolenBodyReturned(attempt);
      return;
    }
    view.whenComplete((result, error) -> {
      if (!attempt.completeAwaited()) {
        return;
      }
      try {
        releasePermits(attempt);
        Object value;
        try {
          if (error != null) {
            throw unwrap(error);
          }
          value = result.get(key); // throws if it failed in a run that keeps going
        } catch (Throwable t) {
          failNode(node, t instanceof TaskFailedException failed && failed.getCause() != null
              ? failed.getCause() : t, "");
          return;
        }
        cache.recomputed(node, value, result.outcome(key.name()));
        succeedNode(node, value, false);
      } catch (Throwable t) { // a future would swallow it, and the run would never end
        internalFailure(t);
      }
    });
  }

  private int awaitStage(Attempt attempt, TaskSpec<?> spec, @Nullable Object result) {
    if (!(result instanceof CompletionStage<?> stage)) {
      if (attempt.end()) {
        attempt.cancelTimeout();
        releasePermits(attempt);
        attemptFailed(attempt, new NullPointerException(
            "task '" + spec.name() + "' returned null instead of a CompletionStage"));
      } else {
        stolenBodyReturned(attempt);
      }
      return -1;
    }
    if (!attempt.awaiting(stage instanceof Future<?> future ? future : null)) {
      stolenBodyReturned(attempt);
    } else {
      // Completes on whatever thread completes the stage; nothing runs inline there.
      stage.whenComplete((value, error) -> {
        if (attempt.completeAwaited()) {
          attempt.cancelTimeout();
          releasePermits(attempt);
          if (error == null) {
            attemptSucceeded(attempt, value, false);
          } else {
            attemptFailed(attempt, unwrap(error));
          }
        }
      });
    }
    return -1;
  }

  /**
   * The body of an attempt stolen while it ran has returned. Its permits were held until now, so
   * that a limit holds even for a body that ignored its interrupt for a while; a timed-out
   * attempt is retried only now, never beside the body it replaces.
   */
  private void stolenBodyReturned(Attempt attempt) {
    releasePermits(attempt);
    Throwable timedOut = attempt.afterReturn();
    if (timedOut != null) {
      attemptFailed(attempt, timedOut);
    }
  }

  private void timedOut(Attempt attempt, Duration limit) {
    TaskSpec<?> spec = graph.taskAt(attempt.node);
    String message = "task '" + spec.name() + "' timed out after " + Durations.format(limit)
        + " (its @Task timeout); ";
    boolean retry = attempt.number <= spec.retries() && !stopping;
    if (retry) {
      // Left before the steal: the worker may see its body interrupted, and return, at once.
      attempt.afterReturn(new TimeoutException(message + "it was interrupted"));
    }
    int stolen = attempt.steal();
    if (stolen == Attempt.STOLE_NOTHING) {
      return;
    }
    if (stolen != Attempt.STOLE_RUNNING) {
      releasePermits(attempt);
      attemptFailed(attempt, new TimeoutException(message
          + (stolen == Attempt.STOLE_AWAITING ? "its future was cancelled" : "it was interrupted")));
    } else if (!retry) {
      // Fails now; the worker returns the permits when the body returns.
      attemptFailed(attempt, new TimeoutException(message + "it was interrupted"));
    } // else the worker retries once the interrupted body has returned
  }

  /** A failure of the engine itself, not of a task: the run ends with it rather than hang. */
  void internalFailure(Throwable failure) {
    IllegalStateException error = new IllegalStateException(
        "internal error in a run of flow '" + graph.name() + "'; the run was stopped", failure);
    stop(error);
  }

  // ---- Settling ------------------------------------------------------------------------------

  private int attemptSucceeded(Attempt attempt, @Nullable Object value, boolean mayInline) {
    int node = attempt.node;
    FanOut fanOut = attempt.fanOut;
    if (fanOut == null) {
      return succeedNode(node, value, mayInline);
    }
    if (cache != null) {
      cache.elementDone(node, fanOut, attempt.element, value);
    }
    if (!fanOut.succeeded(attempt.element, value)) {
      return -1;
    }
    if (fanOut.firstFailure() != null) { // keepGoing: the task fails once every element is done
      failElement(node, fanOut, fanOut.firstFailure());
      return -1;
    }
    return succeedNode(node, fanOut.value(), false);
  }

  private int succeedNode(int node, @Nullable Object value, boolean mayInline) {
    values[node] = value;
    boolean cached = cache != null && cache.tier(node) != RunCache.EXECUTED;
    if (cache != null && !cached) {
      cache.executed(node, value);
    }
    if (!settle(node, STARTED, EXECUTED)) {
      return -1;
    }
    if (enterEvents()) {
      try {
        TaskOutcome outcome = outcome(node);
        if (cached) {
          weft.events.taskCached(outcome);
        } else {
          weft.events.taskFinished(outcome);
        }
      } finally {
        leaveEvents();
      }
    }
    releaseDependencies(node);
    int inline = -1;
    for (int p = dependents.from(node); p < dependents.to(node); p++) {
      int dependent = dependents.target(p);
      if (needed.get(dependent) && !plannedHit(dependent)
          && pending.decrementAndGet(dependent) == 0 && claim(dependent)) {
        if (inline < 0 && mayInline && runsInline(dependent)) {
          inline = dependent;
        } else {
          launch(dependent);
        }
      }
    }
    settled();
    return inline;
  }

  /** Plain tasks run inline; fan-outs, futures and limited tasks go through the pool. */
  private boolean runsInline(int node) {
    TaskSpec<?> spec = graph.taskAt(node);
    return spec.each().isEmpty() && !spec.async() && !weft.limiter.limits(spec.limits());
  }

  private void attemptFailed(Attempt attempt, Throwable failure) {
    TaskSpec<?> spec = graph.taskAt(attempt.node);
    if (attempt.number <= spec.retries() && !stopping && scheduleRetry(attempt)) {
      return;
    }
    int node = attempt.node;
    FanOut fanOut = attempt.fanOut;
    if (fanOut == null) {
      failNode(node, failure, "");
      return;
    }
    if (!weft.keepGoing) {
      fanOut.failedFast(attempt.element, failure);
      failElement(node, fanOut, failure);
    } else if (fanOut.failed(attempt.element, failure)) {
      failElement(node, fanOut, fanOut.firstFailure());
    }
  }

  private boolean scheduleRetry(Attempt attempt) {
    try {
      weft.timer.schedule(() -> {
        if (!stopping && state.get(attempt.node) == STARTED) {
          dispatch(attempt.retry());
        }
      }, weft.retryDelayNanos(attempt.number), TimeUnit.NANOSECONDS);
      return true;
    } catch (RejectedExecutionException closed) {
      return false; // the Weft is closing: the failure stands
    }
  }

  private void failElement(int node, FanOut fanOut, @Nullable Throwable failure) {
    failNode(node, failure == null ? new IllegalStateException("unknown failure") : failure,
        " on " + fanOut.failedText());
  }

  private void failNode(int node, Throwable cause, String where) {
    if (state.get(node) != STARTED) {
      return;
    }
    String name = graph.taskAt(node).name();
    TaskFailedException failure = new TaskFailedException(
        name, Outcomes.pathToTarget(this, node),
        "task '" + name + "' failed" + where + ": " + Durations.describe(cause), cause);
    if (!settle(node, STARTED, FAILED)) {
      return;
    }
    failures[node] = failure;
    taskFailedEvent(node);
    releaseDependencies(node);
    if (weft.keepGoing) {
      skipDependents(node);
    } else {
      stop(failure);
    }
    settled();
  }

  /**
   * Marks every needed task downstream of a failed one SKIPPED; iterative, not recursive. Each
   * skipped task records the failure it was skipped for, so no outcome has to search for it.
   */
  private void skipDependents(int failed) {
    TaskFailedException cause = failures[failed];
    IntStack stack = new IntStack();
    stack.push(failed);
    while (!stack.isEmpty()) {
      int node = stack.pop();
      for (int p = dependents.from(node); p < dependents.to(node); p++) {
        int dependent = dependents.target(p);
        if (needed.get(dependent) && !plannedHit(dependent)
            && settle(dependent, WAITING, SKIPPED)) {
          failures[dependent] = cause;
          taskFailedEvent(dependent);
          releaseDependencies(dependent);
          stack.push(dependent);
          settled();
        }
      }
    }
  }

  /**
   * Stops the run: nothing more starts, attempts in flight are stolen, unsettled tasks become
   * CANCELLED, and the run ends with {@code cause}. Returns whether this call stopped it.
   */
  boolean stop(RuntimeException cause) {
    synchronized (this) {
      if (stopping || finished.get() || unsettled.get() == 0) {
        return false; // already stopped, or every task settled: the run ends as it is
      }
      stopCause = cause;
      stopping = true;
    }
    for (int node : neededTasks) {
      Object inFlight = live.get(node);
      if (inFlight instanceof Attempt attempt) {
        stealForStop(attempt);
      } else if (inFlight instanceof FanOut fanOut) {
        for (int i = 0; i < fanOut.size(); i++) {
          Attempt element = fanOut.attempts.get(i);
          if (element != null) {
            stealForStop(element);
          }
        }
      }
      for (int s = state.get(node); s == WAITING || s == STARTED; s = state.get(node)) {
        if (settle(node, s, CANCELLED)) {
          taskFailedEvent(node);
          settled();
          break;
        }
      }
    }
    return true;
  }

  private void stealForStop(Attempt attempt) {
    int stolen = attempt.steal();
    if (stolen == Attempt.STOLE_NEW || stolen == Attempt.STOLE_AWAITING) {
      releasePermits(attempt); // a running body's worker returns them when it returns
    }
  }

  /** Moves a task from state {@code from} to settled state {@code to}; false if it was not in
   * {@code from}, because another thread settled it first. */
  private boolean settle(int node, int from, int to) {
    if (!state.compareAndSet(node, from, to)) {
      return false;
    }
    if (to != EXECUTED && cache != null) {
      cache.abandon(node); // others waiting for this task's key compute it themselves
      if (live.get(node) instanceof FanOut fanOut) {
        cache.abandonElements(fanOut);
      }
    }
    if (!(live.get(node) instanceof FanOut)) {
      // A fan-out stays, so that a stop caused by this very failure still finds its elements.
      live.lazySet(node, null);
    }
    if (startNanos[node] != 0) {
      durationNanos[node] = System.nanoTime() - startNanos[node];
    }
    return true;
  }

  private void settled() {
    if (unsettled.decrementAndGet() == 0) {
      finish();
    }
  }

  private void finish() {
    synchronized (this) { // so that a stop either comes before (and counts) or is refused
      if (!finished.compareAndSet(false, true)) {
        return;
      }
    }
    weft.runEnded(this);
    ending = true;
    complete();
  }

  /**
   * Announces the end and completes the future — once no task event is being delivered, so that
   * {@code runFinished} follows every event of the run. If events are in flight, the last one to
   * leave calls this again.
   */
  private void complete() {
    if (!events.compareAndSet(0, -1)) {
      return;
    }
    RunResult result = new RunResult(this);
    if (weft.listening) {
      weft.events.runFinished(result);
    }
    RuntimeException cause = stopCause;
    if (cause != null) {
      future.completeExceptionally(cause);
    } else {
      future.complete(result);
    }
  }

  private void taskFailedEvent(int node) {
    if (enterEvents()) {
      try {
        weft.events.taskFailed(outcome(node));
      } finally {
        leaveEvents();
      }
    }
  }

  /**
   * Enters the delivery of one event; false when there are no listeners, or the run is ending —
   * an event that would arrive after {@code runFinished} is dropped (it can only be the start of
   * a task that the end of the run cancelled).
   */
  private boolean enterEvents() {
    if (!weft.listening) {
      return false;
    }
    while (true) {
      int inFlight = events.get();
      if (inFlight < 0 || ending) {
        return false;
      }
      if (events.compareAndSet(inFlight, inFlight + 1)) {
        return true;
      }
    }
  }

  private void leaveEvents() {
    if (events.decrementAndGet() == 0 && ending) {
      complete();
    }
  }

  /**
   * Whether the plan found {@code node} cached: it is loaded, reads no other task's value and
   * waits for none, so it is left out of the dependency bookkeeping of the tasks it depends on.
   */
  private boolean plannedHit(int node) {
    return cache != null && cache.plannedHit(node);
  }

  /** Drops the values only settled tasks read, keeping targets for the result. */
  private void releaseDependencies(int node) {
    if (plannedHit(node)) {
      return; // it read nothing, and counted no use of its dependencies
    }
    for (int p = dependencies.from(node); p < dependencies.to(node); p++) {
      int dependency = dependencies.target(p);
      if (uses.decrementAndGet(dependency) == 0 && !targets.get(dependency)) {
        values[dependency] = null;
      }
    }
  }

  /** Returns the attempt's permits to the limiter, once, whichever path ends the attempt. */
  private void releasePermits(Attempt attempt) {
    if (attempt.takePermits()) {
      weft.limiter.release(graph.taskAt(attempt.node).limits());
    }
  }

  // ---- Reading -------------------------------------------------------------------------------

  /** The value of dependency {@code key} of task {@code node}, for its body. */
  @SuppressWarnings("unchecked") // the key's type is the dependency's value type, by construction
  <T> T argument(int node, Key<T> key) {
    // By position in the task's own dependencies rather than by the nodes' keys: in a composed
    // flow, a task's input may be bound to a task of another flow, whose node has another key.
    List<Key<?>> declared = graph.taskAt(node).dependencies();
    int from = dependencies.from(node);
    for (int i = 0; i < declared.size(); i++) {
      if (declared.get(i) == key) {
        return (T) values[dependencies.target(from + i)];
      }
    }
    int i = declared.indexOf(key);
    if (i >= 0) {
      return (T) values[dependencies.target(from + i)];
    }
    throw new IllegalArgumentException("task '" + name(node) + "' does not depend on '"
        + key.name() + "'; a task reads only the keys it declared as dependencies");
  }

  String name(int node) {
    return graph.key(node).name();
  }

  /** The fan-out of task {@code node}, once its elements were launched; else null. */
  @Nullable FanOut fanOut(int node) {
    return live.get(node) instanceof FanOut fanOut ? fanOut : null;
  }

  @Nullable RuntimeException stopCause() {
    return stopCause;
  }

  TaskOutcome outcome(int node) {
    return Outcomes.of(this, node);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static Status status(int state) {
    return switch (state) {
      case EXECUTED -> Status.EXECUTED;
      case FAILED -> Status.FAILED;
      case SKIPPED -> Status.SKIPPED;
      default -> Status.CANCELLED;
    };
  }
}
