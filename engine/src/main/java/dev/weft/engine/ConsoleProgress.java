package dev.weft.engine;

import static java.util.Objects.requireNonNull;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A {@link RunListener} that shows how runs progress — tasks done out of the run's total (and how
 * many came from a cache), running, failed, time elapsed — and a summary of each run as it ends:
 *
 * <pre>{@code
 * try (Weft weft = Weft.builder().listener(ConsoleProgress.create()).build()) {
 *   weft.run(flow, inputs);
 * }
 * }</pre>
 *
 * <p>On a terminal it redraws one line in place, at most every 100 ms, as tasks start and end:
 *
 * <pre>
 * Nightly: 12/40 done (5 cached), 2 running, 1 failed, 3.2 s
 * </pre>
 *
 * <p>and replaces it with the run's summary when the run ends, followed by the failed tasks, if
 * any, with what they threw:
 *
 * <pre>
 * com.example.Nightly: 40 tasks in 4.1 s: 37 executed, 2 cached, 1 failed
 *   failed: parse: java.io.IOException: bad line 3
 * </pre>
 *
 * <p>Elsewhere — a pipe, a file, a CI log — it never writes a carriage return: it prints the
 * progress as a plain line at most every 5 seconds (a run shorter than that prints only its
 * summary), and the summary.
 *
 * <p>Counts are of tasks, as the events of {@link RunListener} report them: an {@code @Each}
 * task counts once however many elements it runs. A task counts as running from {@link
 * #taskStarted} to its end, and as done when it executed or came from a cache. The line is drawn
 * when an event arrives, so while every running task is long the elapsed time stands still.
 *
 * <p><b>Several runs at once.</b> The events of a task do not say which run it belongs to, so
 * while runs overlap the line adds them up ({@code 2 runs: 30/75 done, …}); each run still gets
 * its own summary, counted from its {@link RunResult}, when it ends. The counts start again from
 * zero once no run is in flight. The summary's elapsed time is measured from the start of the
 * earliest run of that flow still in flight, so it is exact unless runs of the same flow overlap.
 *
 * <p>Thread-safe and cheap: an event adds to a striped counter and reads the clock; only an event
 * that the throttle lets through takes a lock and writes.
 */
public final class ConsoleProgress implements RunListener {
  static final long TERMINAL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  static final long PLAIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
  /** The live line is cut to this width: a line that wraps cannot be redrawn with {@code \r}. */
  static final int MAX_LINE = 79;
  /** The summary names at most this many failed tasks, then says how many more failed. */
  static final int MAX_FAILURES_LISTED = 10;

  private final PrintStream out;
  private final boolean terminal;
  private final LongSupplier nanoTime;
  private final long interval;

  // The counts of the runs in flight, added up. Reset only under `lock` when no run is in flight,
  // hence when no event of a task can arrive (a run's task events come between its runStarted
  // and its runFinished, both of which take the lock).
  private final LongAdder started = new LongAdder();
  /** Tasks that started and have ended since: executed, failed, or cancelled while running. */
  private final LongAdder ended = new LongAdder();
  private final LongAdder executed = new LongAdder();
  private final LongAdder cached = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder cancelled = new LongAdder();
  /** The earliest time at which the next progress line may be drawn. */
  private final AtomicLong nextDraw = new AtomicLong();

  private final Object lock = new Object();
  // Guarded by `lock`.
  /** The start times of the runs in flight, oldest first, by flow name. */
  private final Map<String, ArrayDeque<Long>> runStarts = new HashMap<>();
  private int runsInFlight;
  private long total;
  private long firstStart;
  /** The length of the live line on screen, 0 if none (terminal only). */
  private int lineOnScreen;

  ConsoleProgress(PrintStream out, boolean terminal, LongSupplier nanoTime) {
    this.out = requireNonNull(out, "out");
    this.terminal = terminal;
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    this.interval = terminal ? TERMINAL_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS;
  }

  /**
   * Returns a listener writing to {@link System#err}, redrawing its line in place when the
   * process runs on a terminal ({@link System#console()} is not null and, on JDK 22 and later,
   * {@code Console.isTerminal()}), and printing plain lines otherwise.
   */
  public static ConsoleProgress create() {
    return create(System.err, isTerminal());
  }

  /**
   * Returns a listener writing to {@code out}: with {@code terminal} it redraws one line in place
   * with carriage returns; without, it prints plain lines only.
   */
  public static ConsoleProgress create(PrintStream out, boolean terminal) {
    return new ConsoleProgress(out, terminal, System::nanoTime);
  }

  @Override
  public void runStarted(String flow, int tasks) {
    long now = nanoTime.getAsLong();
    synchronized (lock) {
      if (runsInFlight == 0) {
        for (LongAdder counter :
            List.of(started, ended, executed, cached, failed, skipped, cancelled)) {
          counter.reset();
        }
        total = 0;
        firstStart = now;
        // On a terminal the line appears at once; in a log, only if the run lasts.
        nextDraw.set(terminal ? now : now + interval);
      }
      runsInFlight++;
      total += tasks;
      runStarts.computeIfAbsent(flow, f -> new ArrayDeque<>()).addLast(now);
    }
    maybeDraw(now);
  }

  @Override
  public void taskStarted(String task) {
    started.increment();
    maybeDraw(nanoTime.getAsLong());
  }

  @Override
  public void taskFinished(TaskOutcome outcome) {
    executed.increment();
    ended.increment();
    maybeDraw(nanoTime.getAsLong());
  }

  @Override
  public void taskCached(TaskOutcome outcome) {
    cached.increment();
    maybeDraw(nanoTime.getAsLong());
  }

  @Override
  public void taskFailed(TaskOutcome outcome) {
    switch (outcome.status()) {
      case FAILED -> {
        failed.increment();
        ended.increment();
      }
      case SKIPPED -> skipped.increment();
      case CANCELLED -> {
        cancelled.increment();
        if (!outcome.duration().isZero()) { // it had started: it no longer runs
          ended.increment();
        }
      }
      default -> {
        return;
      }
    }
    maybeDraw(nanoTime.getAsLong());
  }

  @Override
  public void runFinished(RunResult result) {
    long now = nanoTime.getAsLong();
    RunSummary tally = new RunSummary(result, MAX_FAILURES_LISTED); // reads every outcome: outside the lock
    synchronized (lock) {
      ArrayDeque<Long> starts = runStarts.get(result.flow());
      Long start = starts == null ? null : starts.pollFirst();
      if (starts != null && starts.isEmpty()) {
        runStarts.remove(result.flow());
      }
      runsInFlight = Math.max(0, runsInFlight - 1);
      List<String> summary = tally.lines(result.flow(), now - (start == null ? now : start));
      StringBuilder text = new StringBuilder();
      if (terminal && lineOnScreen > 0) {
        text.append('\r').append(padded(summary.get(0), lineOnScreen)).append('\n');
        lineOnScreen = 0;
      } else {
        text.append(summary.get(0)).append('\n');
      }
      for (String line : summary.subList(1, summary.size())) {
        text.append(line).append('\n');
      }
      out.print(text);
      if (runsInFlight > 0 && terminal) {
        draw(now);
      }
      out.flush();
    }
  }

  /**
   * The progress line as it would be drawn now, without the carriage return: for tests, and empty
   * when no run is in flight.
   */
  String line() {
    synchronized (lock) {
      return runsInFlight == 0 ? "" : progress(nanoTime.getAsLong());
    }
  }

  @Override
  public String toString() {
    return "ConsoleProgress[" + (terminal ? "terminal" : "plain") + "]";
  }

  /** Draws the line if the throttle allows; of the events that race for a slot, one draws. */
  private void maybeDraw(long now) {
    long next = nextDraw.get();
    if (now - next >= 0 && nextDraw.compareAndSet(next, now + interval)) {
      synchronized (lock) {
        // A run may have ended since the check above: nothing to draw after its summary.
        if (runsInFlight > 0) {
          draw(now);
          out.flush();
        }
      }
    }
  }

  /** Writes the progress line; holds the lock. */
  private void draw(long now) {
    String line = progress(now);
    if (terminal) {
      out.print('\r' + padded(line, lineOnScreen));
      lineOnScreen = line.length();
    } else {
      out.print(line + '\n');
    }
  }

  /** The progress text; holds the lock. */
  private String progress(long now) {
    // Ended before started: every task's start precedes its end, so `running` is never negative.
    long endedTasks = ended.sum();
    long startedTasks = started.sum();
    long cachedTasks = cached.sum();
    StringBuilder line = new StringBuilder();
    line.append(runsInFlight == 1 && runStarts.size() == 1
        ? shortName(runStarts.keySet().iterator().next()) : runsInFlight + " runs");
    line.append(": ").append(executed.sum() + cachedTasks).append('/').append(total)
        .append(" done");
    if (cachedTasks > 0) {
      line.append(" (").append(cachedTasks).append(" cached)");
    }
    line.append(", ").append(Math.max(0, startedTasks - endedTasks)).append(" running");
    RunSummary.count(line, failed.sum(), "failed");
    RunSummary.count(line, skipped.sum(), "skipped");
    RunSummary.count(line, cancelled.sum(), "cancelled");
    line.append(", ").append(elapsed(now - firstStart));
    return line.length() <= MAX_LINE ? line.toString() : line.substring(0, MAX_LINE - 3) + "...";
  }

  static String elapsed(long nanos) {
    return RunSummary.elapsed(nanos);
  }

  /** {@code line}, with spaces over what remains of a longer line before it. */
  private static String padded(String line, int previous) {
    return previous <= line.length() ? line : line + " ".repeat(previous - line.length());
  }

  /** A flow's name without its package, to keep the live line short: {@code WordStats}. */
  private static String shortName(String flow) {
    return flow.substring(flow.lastIndexOf('.') + 1);
  }

  /**
   * Whether this process writes to a terminal. {@code System.console()} alone is not enough: on
   * JDK 22 to 24 it returns a console even when the streams are redirected, and only {@code
   * Console.isTerminal()}, new in JDK 22, tells; it is looked up by name since the baseline is
   * JDK 17.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException beforeJdk22) {
      return true; // a console exists only on a terminal there
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false; // plain lines are always readable
    }
  }
}
