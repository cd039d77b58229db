package dev.weft.processor.base;

/**
 * The diagnostics Weft's processor reports, each with the stable id that starts its message.
 *
 * <p>Ids never change meaning once released: users search for them and build tooling on them.
 * Every id has a compile-testing test asserting its message and the line it points at.
 */
public enum Diagnostic {
  /** Tasks that depend on each other in a loop. */
  CYCLE("weft/cycle"),
  /** A parameter, {@code @From} or {@code @Each} naming no task or input. */
  MISSING("weft/missing"),
  /** A producer's type that is not assignable to the parameter reading it. */
  TYPE_MISMATCH("weft/type-mismatch"),
  /** Two tasks of one class with the same name. */
  DUPLICATE_TASK("weft/duplicate-task"),
  /** An input with the name of a task of the same class. */
  INPUT_SHADOWS_TASK("weft/input-shadows-task"),
  /** One input declared with different types or key settings. */
  INPUT_CONFLICT("weft/input-conflict"),
  /** Two names that map to the same constant of the generated class. */
  CONSTANT_CLASH("weft/constant-clash"),
  /** A task or input name that is not a Java identifier. */
  NAME("weft/name"),
  /** A type in a task's signature that the generated flow cannot name. */
  INACCESSIBLE_TYPE("weft/inaccessible-type"),
  /** A raw type in a task's value type or an input's type, which a key cannot carry. */
  RAW_TYPE("weft/raw-type"),
  /** The name of the flow to generate is taken by another class, or by another class's flow. */
  FLOW_NAME_TAKEN("weft/flow-name-taken"),
  /** A private task method. */
  PRIVATE_TASK("weft/private-task"),
  /** An abstract task method. */
  ABSTRACT_TASK("weft/abstract-task"),
  /** A task method with type parameters. */
  GENERIC_TASK("weft/generic-task"),
  /** A class that generated code cannot reach or instantiate tasks of. */
  TASK_CLASS("weft/task-class"),
  /** {@code @Each} over a value that is not a collection. */
  EACH_SOURCE("weft/each-source"),
  /** {@code @Each} whose elements do not fit the parameter. */
  EACH_TYPE("weft/each-type"),
  /** More than one {@code @Each} parameter on one task. */
  EACH_COUNT("weft/each-count"),
  /** A malformed {@code @Task(timeout)}. */
  TIMEOUT("weft/timeout"),
  /** A negative {@code @Task(retries)}. */
  RETRIES("weft/retries"),
  /** A blank or repeated tag in {@code @Task(limits)}. */
  LIMITS("weft/limits"),
  /** A parameter with more than one of {@code @Input}, {@code @From}, {@code @Each}. */
  CONFLICTING_ANNOTATIONS("weft/conflicting-annotations"),
  /** {@code @Input}, {@code @From} or {@code @Each} on a method that is not a task. */
  NOT_A_TASK("weft/not-a-task"),
  /** Warning: a cached task whose value cannot be stored on disk. */
  UNCACHEABLE("weft/uncacheable"),
  /** The processor itself failed: a bug in Weft, reported instead of crashing javac. */
  INTERNAL("weft/internal");

  private final String id;

  Diagnostic(String id) {
    this.id = id;
  }

  /** The stable id, such as {@code weft/cycle}. */
  public String id() {
    return id;
  }
}
