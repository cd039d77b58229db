package dev.weft.engine.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.weft.engine.Key;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the engine needs to know about one task: its key, how to call it, what it depends
 * on and how it is run and cached. Generated code builds one per {@code @Task} method with
 * {@link #builder}; the settings mirror the {@code @Task} annotation's elements. Immutable.
 *
 * @param <T> the type of the task's value ({@code List<R>} for a fan-out task)
 */
public final class TaskSpec<T> {

  private final Key<T> key;
  private final TaskBody body;
  private final String methodName;
  private final String methodDescriptor;
  private final ImmutableList<Key<?>> dependencies;
  private final @Nullable Key<?> each;
  private final boolean cache;
  private final String version;
  private final int retries;
  private final @Nullable Duration timeout;
  private final ImmutableSet<String> limits;
  private final boolean async;
  private final @Nullable Object function;

  private TaskSpec(Builder<T> builder) {
    this.key = builder.key;
    this.body = builder.body;
    this.methodName = builder.methodName == null ? "" : builder.methodName;
    this.methodDescriptor = builder.methodDescriptor == null ? "" : builder.methodDescriptor;
    this.dependencies = builder.dependencies == null ? ImmutableList.of() : builder.dependencies;
    this.each = builder.each;
    this.cache = builder.cache;
    this.version = builder.version == null ? "" : builder.version;
    this.retries = builder.retries == TaskSpecChecks.UNSET ? 0 : builder.retries;
    this.timeout = builder.timeout;
    this.limits = builder.limits == null ? ImmutableSet.of() : builder.limits;
    this.async = builder.async;
    this.function = builder.function;
  }

  /**
   * Starts the specification of the task {@code key}, whose method {@code body} calls. Every
   * other setting is optional and may be given at most once.
   *
   * @throws NullPointerException if an argument is null
   */
  public static <T> Builder<T> builder(Key<T> key, TaskBody body) {
    return new Builder<>(key, body);
  }

  /** Returns the task's key: its flow, name and value type. */
  public Key<T> key() {
    return key;
  }

  /** Returns the task's name, the same as {@code key().name()}. */
  public String name() {
    return key.name();
  }

  /** Returns the function that calls the task's method. */
  public TaskBody body() {
    return body;
  }

  /** Returns the JVM name of the task's method, or {@code ""} if it has none (code-built tasks). */
  public String methodName() {
    return methodName;
  }

  /**
   * Returns the JVM descriptor of the task's method, such as
   * {@code (Ljava/nio/file/Path;)Ljava/util/List;}, or {@code ""} when it has none. With
   * {@link #methodName()} it finds the bytecode whose fingerprint goes into cache keys.
   */
  public String methodDescriptor() {
    return methodDescriptor;
  }

  /**
   * Returns the keys of the tasks and inputs this task reads, each once, in the order of the
   * parameters that first read them, including the {@linkplain #each() fan-out source}.
   */
  public List<Key<?>> dependencies() {
    return dependencies;
  }

  /**
   * Returns the dependency this task fans out over, if it is an {@code @Each} task: the engine
   * runs it once per element of that collection and its value is the list of the results.
   */
  public Optional<Key<?>> each() {
    return Optional.ofNullable(each);
  }

  /** Returns whether the task's results may be memoized; false: it runs whenever it is needed. */
  public boolean cache() {
    return cache;
  }

  /** Returns the declared version, or {@code ""} when the automatic code fingerprint is used. */
  public String version() {
    return version;
  }

  /** Returns how many more times a failing invocation is retried, with backoff; 0 means none. */
  public int retries() {
    return retries;
  }

  /** Returns how long one invocation may run before it is interrupted and failed, if limited. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Returns the concurrency tags the task holds while it runs, in declaration order. */
  public Set<String> limits() {
    return limits;
  }

  /**
   * Returns whether the task's method returns a {@link java.util.concurrent.CompletionStage} of
   * its value (per element, for a fan-out task) rather than the value itself.
   */
  public boolean async() {
    return async;
  }

  /**
   * Returns the function object a task built in code calls (a {@code FlowBuilder} lambda), whose
   * code is fingerprinted in place of a method's; empty for generated tasks.
   */
  public Optional<Object> function() {
    return Optional.ofNullable(function);
  }

  /** Returns a readable summary of the task for debugging; the format may change. */
  @Override
  public String toString() {
    return "TaskSpec{" + key + ", dependsOn=" + dependencies.stream().map(Key::name).toList()
        + (each == null ? "" : ", each=" + each.name())
        + ", cache=" + cache + ", version='" + version + "', retries=" + retries
        + (timeout == null ? "" : ", timeout=" + timeout)
        + ", limits=" + limits + ", async=" + async + "}";
  }

  /**
   * Builds a {@link TaskSpec}. Each setting may be given once; giving it again is an error that
   * names the earlier value, since two values for one setting mean the calling code is wrong.
   *
   * @param <T> the type of the task's value
   */
  public static final class Builder<T> {

    private final Key<T> key;
    private final TaskBody body;
    private final TaskSpecChecks check;
    private @Nullable String methodName;
    private @Nullable String methodDescriptor;
    private @Nullable ImmutableList<Key<?>> dependencies;
    private @Nullable Key<?> each;
    private boolean cache = true;
    private @Nullable String version;
    private int retries = TaskSpecChecks.UNSET;
    private @Nullable Duration timeout;
    private @Nullable ImmutableSet<String> limits;
    private boolean async;
    private @Nullable Object function;

    private Builder(Key<T> key, TaskBody body) {
      this.key = requireNonNull(key, "key of a task must not be null");
      this.check = new TaskSpecChecks(key);
      this.body = check.notNull("body", body);
    }

    /** Records the JVM name and descriptor of the task's method, for its code fingerprint. */
    public Builder<T> method(String name, String descriptor) {
      check.unset("method", methodName != null, methodName + methodDescriptor);
      methodDescriptor = check.descriptor(name, descriptor);
      methodName = name;
      return this;
    }

    /**
     * Records the function object the body calls, for a task built in code without a method of
     * its own: its code is fingerprinted in place of the method's.
     */
    public Builder<T> function(Object function) {
      check.unset("function", this.function != null, this.function);
      this.function = check.notNull("function", function);
      return this;
    }

    /** Sets the keys the task reads, each once, in the order of the parameters reading them. */
    public Builder<T> dependsOn(Key<?>... keys) {
      check.unset("dependencies", dependencies != null, TaskSpecChecks.names(dependencies));
      dependencies = check.dependencies(keys);
      return this;
    }

    /** Makes the task fan out over {@code source}, a dependency; its key type must be a List. */
    public Builder<T> each(Key<?> source) {
      check.unset("each", each != null, each == null ? "" : each.name());
      each = check.notNull("each source", source);
      return this;
    }

    /** Sets whether the task's results may be memoized (default true). */
    public Builder<T> cache(boolean cache) {
      this.cache = cache;
      return this;
    }

    /** Sets a version that replaces the code fingerprint (default {@code ""}: automatic). */
    public Builder<T> version(String version) {
      check.unset("version", this.version != null, "'" + this.version + "'");
      this.version = check.notNull("version", version);
      return this;
    }

    /** Sets how many times a failing invocation is retried (default 0). */
    public Builder<T> retries(int retries) {
      check.unset("retries", this.retries != TaskSpecChecks.UNSET, this.retries);
      this.retries = check.retries(retries);
      return this;
    }

    /** Sets how long one invocation may run (default: unlimited). */
    public Builder<T> timeout(Duration timeout) {
      check.unset("timeout", this.timeout != null, this.timeout);
      this.timeout = check.timeout(timeout);
      return this;
    }

    /** Sets the concurrency tags the task holds while it runs (default: none). */
    public Builder<T> limits(String... tags) {
      check.unset("limits", limits != null, limits);
      limits = check.limits(tags);
      return this;
    }

    /** Declares that the body returns a {@code CompletionStage} of the value, not the value. */
    public Builder<T> async() {
      this.async = true;
      return this;
    }

    /**
     * Returns the specification.
     *
     * @throws IllegalArgumentException if the fan-out source is not a dependency, or a fan-out
     *     task's key type is not a {@code List}
     */
    public TaskSpec<T> build() {
      if (each != null) {
        check.each(key, each, dependencies == null ? ImmutableList.of() : dependencies);
      }
      return new TaskSpec<>(this);
    }
  }
}
