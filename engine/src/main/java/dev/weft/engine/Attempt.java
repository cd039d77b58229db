package dev.weft.engine;

import dev.weft.engine.internal.TaskArgs;
import java.util.Collection;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.jspecify.annotations.Nullable;

/**
 * One invocation of a task's body (or, for a fan-out task, of one element), and the arguments it
 * reads. Whoever moves it out of {@link #NEW} or {@link #RUNNING} first decides its fate: the
 * worker that finishes the body, or a canceller or timer that {@linkplain #steal() steals} it.
 *
 * <p>Stealing a running attempt interrupts its thread. As in {@code FutureTask}, a worker that
 * finds its attempt stolen waits until the interrupt has been delivered and then clears it, so
 * that an interrupt meant for this attempt never lands in the next task the thread runs.
 */
final class Attempt implements TaskArgs, Runnable {
  /** Created, not started: stealing it means it never runs. */
  static final int NEW = 0;
  /** A worker is running the body; {@link #thread} is that worker. */
  static final int RUNNING = 1;
  /** The body returned a future that has not completed; no thread is involved. */
  static final int AWAITING = 2;
  /** The body's outcome counts. */
  static final int COMPLETED = 3;
  /** Stolen by a canceller or timer; the interrupt, if any, is not delivered yet. */
  static final int STOLEN = 4;
  /** Stolen, and the interrupt delivered. */
  static final int INTERRUPTED = 5;

  private static final AtomicIntegerFieldUpdater<Attempt> PHASE =
      AtomicIntegerFieldUpdater.newUpdater(Attempt.class, "phase");
  private static final AtomicIntegerFieldUpdater<Attempt> PERMITS =
      AtomicIntegerFieldUpdater.newUpdater(Attempt.class, "permits");

  final Run run;
  final int node;
  /** The fan-out this attempt is an element of, or null for a plain task. */
  final @Nullable FanOut fanOut;
  /** The element's index for a fan-out task, or -1. */
  final int element;
  /** 1 for the first invocation, 2 for the first retry, … */
  final int number;

  private final @Nullable Object elementValue;
  private volatile int phase = NEW;
  /** 1 while the attempt holds permits of the limiter; whoever takes it to 0 returns them. */
  private volatile int permits;
  // Plain: written before the CAS into RUNNING, which publishes it to a stealer, and read by a
  // stealer only after its own CAS out of RUNNING.
  private @Nullable Thread thread;
  private volatile @Nullable ScheduledFuture<?> timeout;
  private volatile @Nullable Future<?> pending;
  /** A failure to handle once a stolen body has returned: a timed-out attempt to retry. */
  private volatile @Nullable Throwable afterReturn;

  Attempt(Run run, int node, @Nullable FanOut fanOut, int element,
      @Nullable Object elementValue, int number) {
    this.run = run;
    this.node = node;
    this.fanOut = fanOut;
    this.element = element;
    this.elementValue = elementValue;
    this.number = number;
  }

  /** What {@link #steal()} took the attempt away from: nothing, or the phase it was in. */
  static final int STOLE_NOTHING = 0;
  static final int STOLE_NEW = 1;
  static final int STOLE_RUNNING = 2;
  static final int STOLE_AWAITING = 3;

  /**
   * Runs the body on a worker thread; the run decides what follows. Nothing escapes to the pool,
   * which would swallow it: a failure of the engine's own bookkeeping ends the run instead of
   * leaving it to wait forever.
   */
  @Override
  public void run() {
    try {
      run.execute(this);
    } catch (Throwable t) {
      run.internalFailure(t);
    }
  }

  /** Claims the attempt for the current thread; false if it was stolen before it started. */
  boolean begin() {
    thread = Thread.currentThread();
    return PHASE.compareAndSet(this, NEW, RUNNING);
  }

  /**
   * Ends the body's invocation on its worker thread. Returns whether its outcome counts; if the
   * attempt was stolen, waits for the interrupt to be delivered and clears it first.
   */
  boolean end() {
    thread = null;
    if (PHASE.compareAndSet(this, RUNNING, COMPLETED)) {
      return true;
    }
    while (phase == STOLEN) {
      Thread.onSpinWait(); // the stealer is between its CAS and its interrupt: nanoseconds
    }
    Thread.interrupted();
    return false;
  }

  /** The body returned {@code future}: the attempt now waits for it, holding no thread. */
  boolean awaiting(Future<?> future) {
    pending = future;
    thread = null;
    if (PHASE.compareAndSet(this, RUNNING, AWAITING)) {
      return true;
    }
    end();
    return false;
  }

  /** The awaited future completed; returns whether its outcome counts. */
  boolean completeAwaited() {
    return PHASE.compareAndSet(this, AWAITING, COMPLETED);
  }

  /**
   * Takes the attempt away from whoever runs it: interrupts its thread, or cancels the future it
   * awaits. Returns what it stole the attempt from ({@link #STOLE_NOTHING} if it had already
   * completed or been stolen). An attempt stolen while {@link #STOLE_RUNNING running} still
   * occupies its worker until its body returns: that worker, not the stealer, returns its
   * permits.
   */
  int steal() {
    while (true) {
      int current = phase;
      switch (current) {
        case NEW:
          if (PHASE.compareAndSet(this, NEW, INTERRUPTED)) {
            cancelTimeout();
            return STOLE_NEW;
          }
          break;
        case RUNNING:
          if (PHASE.compareAndSet(this, RUNNING, STOLEN)) {
            Thread t = thread;
            if (t != null) {
              t.interrupt();
            }
            phase = INTERRUPTED;
            cancelTimeout();
            return STOLE_RUNNING;
          }
          break;
        case AWAITING:
          if (PHASE.compareAndSet(this, AWAITING, INTERRUPTED)) {
            Future<?> future = pending;
            if (future != null) {
              future.cancel(true);
            }
            cancelTimeout();
            return STOLE_AWAITING;
          }
          break;
        default:
          return STOLE_NOTHING;
      }
    }
  }

  /** Leaves {@code failure} for the worker to handle when the stolen body returns. */
  void afterReturn(Throwable failure) {
    afterReturn = failure;
  }

  /** The failure left by {@link #afterReturn}, if any. */
  @Nullable Throwable afterReturn() {
    return afterReturn;
  }

  /** Records that the limiter granted this attempt its permits. */
  void permitted() {
    permits = 1;
  }

  /** Whether the caller must return the attempt's permits: true once, if it held any. */
  boolean takePermits() {
    return permits == 1 && PERMITS.compareAndSet(this, 1, 0);
  }

  /** The next attempt of the same task or element, after this one failed. */
  Attempt retry() {
    return new Attempt(run, node, fanOut, element, elementValue, number + 1);
  }

  void timeout(ScheduledFuture<?> scheduled) {
    this.timeout = scheduled;
  }

  void cancelTimeout() {
    ScheduledFuture<?> scheduled = timeout;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
  }

  @Override
  public <T> T get(Key<T> key) {
    return run.argument(node, key);
  }

  @Override
  @SuppressWarnings("unchecked") // the processor checked the element type against the source
  public <E> E each(Key<? extends Collection<? extends E>> source) {
    if (element < 0) {
      throw new IllegalArgumentException(
          "task '" + run.name(node) + "' does not fan out; read '" + source.name()
              + "' with get()");
    }
    return (E) elementValue;
  }

}
