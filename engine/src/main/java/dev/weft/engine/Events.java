package dev.weft.engine;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one {@link Weft}, called as one: each event goes to every listener in the order
 * they were registered, and a listener that throws is logged and does not disturb the others or
 * the run.
 */
final class Events implements RunListener {
  private static final Logger log = LoggerFactory.getLogger(Events.class);

  private final ImmutableList<RunListener> listeners;

  Events(List<RunListener> listeners) {
    this.listeners = ImmutableList.copyOf(listeners);
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  @Override
  public void runStarted(String flow, int tasks) {
    each("runStarted", l -> l.runStarted(flow, tasks));
  }

  @Override
  public void taskStarted(String task) {
    each("taskStarted", l -> l.taskStarted(task));
  }

  @Override
  public void taskFinished(TaskOutcome outcome) {
    each("taskFinished", l -> l.taskFinished(outcome));
  }

  @Override
  public void taskCached(TaskOutcome outcome) {
    each("taskCached", l -> l.taskCached(outcome));
  }

  @Override
  public void taskFailed(TaskOutcome outcome) {
    each("taskFailed", l -> l.taskFailed(outcome));
  }

  @Override
  public void runFinished(RunResult result) {
    each("runFinished", l -> l.runFinished(result));
  }

  private void each(String event, Consumer<RunListener> call) {
    for (RunListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (Throwable e) { // an Error too: a listener must never leave a run unfinished
        log.warn("RunListener {} threw from {}; the run goes on", listener, event, e);
      }
    }
  }
}
