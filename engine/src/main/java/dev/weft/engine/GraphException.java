package dev.weft.engine;

/**
 * Thrown when a flow's graph is invalid, or does not fit the inputs or targets of a run: a cycle,
 * a dependency on a task or input that does not exist, a missing input, an input of the wrong
 * type, a target that is not a task of the flow.
 *
 * <p>It is unchecked because it reports a programming error that the caller fixes in code, not a
 * condition to recover from. The engine throws it before any task of the run starts, so no task
 * has run and nothing has been cached when it is seen. The message names the task or input at
 * fault and says what to change.
 */
public class GraphException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with the given message, which should name the task or input at fault
   * and what to do about it.
   *
   * @param message the detail message shown to the user
   */
  public GraphException(String message) {
    super(message);
  }
}
