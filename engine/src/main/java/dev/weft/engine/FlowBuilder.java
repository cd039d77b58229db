package dev.weft.engine;

import static java.util.Objects.requireNonNull;

import com.google.common.reflect.TypeParameter;
import com.google.common.reflect.TypeToken;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import dev.weft.engine.internal.TaskBody;
import dev.weft.engine.internal.TaskSpec;
import org.jspecify.annotations.Nullable;

/**
 * Composes a {@link Flow} in code, from lambdas and method references, for pipelines whose shape
 * is only known at run time or that do not warrant a class of {@code @Task} methods. Start one
 * with {@link Flow#builder(String)}:
 *
 * <pre>{@code
 * FlowBuilder words = Flow.builder("words");
 * Key<Path> corpus = words.input("corpus", Path.class);
 * Key<Integer> top = words.input("top", Integer.class);
 * Key<List<String>> lines = words.task("lines", Files::readAllLines, corpus);
 * Key<Map<String, Long>> counts =
 *     words.task("counts", new TypeToken<Map<String, Long>>() {}, WordCount::count, lines);
 * Key<String> report = words.task("report", WordCount::report, counts, top);
 * Flow flow = words.build();
 *
 * String text = weft.compute(flow, report, Inputs.of(corpus, Path.of("a.txt")).and(top, 10));
 * }</pre>
 *
 * <p><b>Keys.</b> {@code input} and {@code task} return the key of what they declare; a task
 * names its dependencies by passing those keys, one per argument of its function, in order. A
 * task can only depend on keys that this builder returned, or keys of a flow it
 * {@linkplain #include(Flow) included}, so everything it reads is declared before it: a flow
 * built here cannot have a cycle, a dangling dependency or a dependency of the wrong type, and
 * {@link #build()} has nothing left to reject — except, with included flows, the bindings of
 * their inputs to tasks declared here. A function may take the same key for two arguments; the
 * task then depends on it once.
 *
 * <p><b>Value types.</b> The compiler checks every task's function against the types of the
 * keys it reads and gives the task a {@code Key<R>}. But the result type of a lambda is erased at
 * run time, so the key of a task declared without a type, as with
 * {@link #task(String, Fn1, Key)}, has {@link Key#type()} {@code Object}. Exports then show its
 * type as {@code Object}, and anything that needs the value's exact type at run time, such as
 * a store that reads values back by their key's type, cannot have it. Where that matters, give
 * the type: {@link #task(String, TypeToken, Fn1, Key)} and its siblings take a
 * {@link TypeToken} ({@code TypeToken.of(Long.class)}, or {@code new TypeToken<List<Path>>() {}}
 * for a generic type) that the compiler checks against the function's result. Primitive types
 * ({@code int.class}) are taken as their wrapper type, in inputs and tasks alike.
 *
 * <p><b>Tasks</b> have the settings of a plain {@code @Task}: cacheable, no version, no retries,
 * no timeout, no limits. A function may throw checked exceptions; they reach the engine
 * unwrapped, as a task method's do. Functions are called from worker threads, possibly
 * concurrently with other tasks' functions, so what they share must be thread-safe.
 *
 * <p><b>Caching.</b> A task's results are memoized as a {@code @Task} method's are. Its cache key
 * covers the code of its function — the lambda's body and the project code it calls, read from
 * the class files — and the values the lambda captured (a captured threshold counts). A task
 * whose function holds a value that cannot be fingerprinted — a client, or the enclosing
 * instance of a lambda that reads one of its fields — is not cached, and one warning names the
 * value: capture numbers, strings, lists or records, or use a static method and pass the rest
 * as an input. The function interfaces are
 * {@link Serializable} only so that the engine can find exactly which lambda a function is;
 * nothing is ever serialized. Values of tasks declared without a type are kept in memory only.
 *
 * <p><b>Errors.</b> Every call checks its arguments at once and throws at the line that is wrong:
 * {@link NullPointerException} for a null name, type, function or key, and
 * {@link IllegalArgumentException} for an empty name; {@link GraphException} for a name already
 * declared in this builder and for a key that this builder did not return; and
 * {@link IllegalStateException} for {@code input} or {@code task} after {@link #build()}.
 *
 * <p>A builder is for one thread and one flow; the flow it builds is immutable and can be run by
 * any number of threads. Nothing here or in the flow's checks recurses, and a task costs a few
 * hundred bytes, so a chain of a million tasks builds in a 2 GiB heap.
 */
public final class FlowBuilder {

  private static final TypeToken<Object> UNKNOWN = TypeToken.of(Object.class);

  private final String name;
  // Exactly one of the two is set: the declarations until build(), the flow after.
  private @Nullable FlowDeclarations open;
  private @Nullable Flow built;

  FlowBuilder(String name) {
    this.open = new FlowDeclarations(name);
    this.name = name;
  }

  /**
   * Declares an input: a value given for each run with {@link Inputs#of(Key, Object)}.
   *
   * @param name the input's name, distinct from the names of this flow's other inputs and tasks
   * @param type the class of the input's value; a primitive class stands for its wrapper
   * @return the input's key, to pass to the tasks that read it and to {@link Inputs}
   * @throws GraphException if an input or task called {@code name} was declared before
   * @throws IllegalStateException if the flow was already built
   */
  public <T> Key<T> input(String name, Class<T> type) {
    FlowDeclarations declarations = declarations();
    declarations.name("input", name);
    requireNonNull(type, () -> "type of input '" + name + "' must not be null");
    return addInput(declarations, name, TypeToken.of(type));
  }

  /**
   * Declares an input whose value has a generic type, such as {@code List<Path>}, given as
   * {@code new TypeToken<List<Path>>() {}}; otherwise as {@link #input(String, Class)}.
   */
  public <T> Key<T> input(String name, TypeToken<T> type) {
    FlowDeclarations declarations = declarations();
    declarations.name("input", name);
    requireNonNull(type, () -> "type of input '" + name + "' must not be null");
    return addInput(declarations, name, type);
  }

  /**
   * Declares a task that reads nothing; its key's type is {@code Object} (see the class
   * documentation, and {@link #task(String, TypeToken, Fn0)} to give the exact type).
   *
   * @param name the task's name, distinct from the names of this flow's other inputs and tasks
   * @param fn computes the task's value
   * @return the task's key, to pass to the tasks that read it and to ask the engine for its value
   * @throws GraphException if an input or task called {@code name} was declared before
   * @throws IllegalStateException if the flow was already built
   */
  public <R> Key<R> task(String name, Fn0<R> fn) {
    return task(name, unknown(), fn);
  }

  /** Declares a task computing its value from {@code a}'s; see {@link #task(String, Fn0)}. */
  public <A, R> Key<R> task(String name, Fn1<A, R> fn, Key<A> a) {
    return task(name, unknown(), fn, a);
  }

  /** Declares a task computing its value from two others; see {@link #task(String, Fn0)}. */
  public <A, B, R> Key<R> task(String name, Fn2<A, B, R> fn, Key<A> a, Key<B> b) {
    return task(name, unknown(), fn, a, b);
  }

  /** Declares a task computing its value from three others; see {@link #task(String, Fn0)}. */
  public <A, B, C, R> Key<R> task(
      String name, Fn3<A, B, C, R> fn, Key<A> a, Key<B> b, Key<C> c) {
    return task(name, unknown(), fn, a, b, c);
  }

  /** Declares a task computing its value from four others; see {@link #task(String, Fn0)}. */
  public <A, B, C, D, R> Key<R> task(
      String name, Fn4<A, B, C, D, R> fn, Key<A> a, Key<B> b, Key<C> c, Key<D> d) {
    return task(name, unknown(), fn, a, b, c, d);
  }

  /** Declares a task computing its value from five others; see {@link #task(String, Fn0)}. */
  public <A, B, C, D, E, R> Key<R> task(String name, Fn5<A, B, C, D, E, R> fn,
      Key<A> a, Key<B> b, Key<C> c, Key<D> d, Key<E> e) {
    return task(name, unknown(), fn, a, b, c, d, e);
  }

  /** Declares a task computing its value from six others; see {@link #task(String, Fn0)}. */
  public <A, B, C, D, E, F, R> Key<R> task(String name, Fn6<A, B, C, D, E, F, R> fn,
      Key<A> a, Key<B> b, Key<C> c, Key<D> d, Key<E> e, Key<F> f) {
    return task(name, unknown(), fn, a, b, c, d, e, f);
  }

  /**
   * Declares a task that reads nothing and whose key has type {@code type}, which the compiler
   * checks against {@code fn}'s result; otherwise as {@link #task(String, Fn0)}.
   */
  public <R> Key<R> task(String name, TypeToken<R> type, Fn0<R> fn) {
    return addTask(name, type, fn, args -> fn.apply());
  }

  /** As {@link #task(String, Fn1, Key)}, with the key's exact type. */
  public <A, R> Key<R> task(String name, TypeToken<R> type, Fn1<A, R> fn, Key<A> a) {
    return addTask(name, type, fn, args -> fn.apply(args.get(a)), a);
  }

  /** As {@link #task(String, Fn2, Key, Key)}, with the key's exact type. */
  public <A, B, R> Key<R> task(
      String name, TypeToken<R> type, Fn2<A, B, R> fn, Key<A> a, Key<B> b) {
    return addTask(name, type, fn, args -> fn.apply(args.get(a), args.get(b)), a, b);
  }

  /** As {@link #task(String, Fn3, Key, Key, Key)}, with the key's exact type. */
  public <A, B, C, R> Key<R> task(
      String name, TypeToken<R> type, Fn3<A, B, C, R> fn, Key<A> a, Key<B> b, Key<C> c) {
    return addTask(name, type, fn,
        args -> fn.apply(args.get(a), args.get(b), args.get(c)), a, b, c);
  }

  /** As {@link #task(String, Fn4, Key, Key, Key, Key)}, with the key's exact type. */
  public <A, B, C, D, R> Key<R> task(String name, TypeToken<R> type, Fn4<A, B, C, D, R> fn,
      Key<A> a, Key<B> b, Key<C> c, Key<D> d) {
    return addTask(name, type, fn,
        args -> fn.apply(args.get(a), args.get(b), args.get(c), args.get(d)), a, b, c, d);
  }

  /** As {@link #task(String, Fn5, Key, Key, Key, Key, Key)}, with the key's exact type. */
  public <A, B, C, D, E, R> Key<R> task(String name, TypeToken<R> type,
      Fn5<A, B, C, D, E, R> fn, Key<A> a, Key<B> b, Key<C> c, Key<D> d, Key<E> e) {
    return addTask(name, type, fn,
        args -> fn.apply(args.get(a), args.get(b), args.get(c), args.get(d), args.get(e)),
        a, b, c, d, e);
  }

  /** As {@link #task(String, Fn6, Key, Key, Key, Key, Key, Key)}, with the key's exact type. */
  public <A, B, C, D, E, F, R> Key<R> task(String name, TypeToken<R> type,
      Fn6<A, B, C, D, E, F, R> fn, Key<A> a, Key<B> b, Key<C> c, Key<D> d, Key<E> e, Key<F> f) {
    return addTask(name, type, fn, args -> fn.apply(args.get(a), args.get(b), args.get(c),
        args.get(d), args.get(e), args.get(f)), a, b, c, d, e, f);
  }

  /**
   * Declares a fan-out task: {@code fn} runs once per element of {@code source}'s collection, in
   * parallel, and the task's value is the list of its results in the order of the elements (an
   * empty collection gives an empty list). Each element is cached on its own. The key's type is
   * {@code List<Object>}; {@link #each(String, TypeToken, Fn1, Key)} gives the exact type.
   *
   * @throws GraphException if {@code name} is taken or {@code source} is not from this builder
   */
  public <E, R> Key<List<R>> each(String name, Fn1<E, R> fn, Key<? extends Collection<E>> source) {
    return each(name, unknown(), fn, source);
  }

  /**
   * Declares a fan-out task whose results have type {@code type}, so that its key is a {@code
   * Key<List<R>>} of that exact type and its values can be stored on disk; see {@link
   * #each(String, Fn1, Key)}.
   *
   * @throws GraphException if {@code name} is taken or {@code source} is not from this builder
   */
  public <E, R> Key<List<R>> each(
      String name, TypeToken<R> type, Fn1<E, R> fn, Key<? extends Collection<E>> source) {
    FlowDeclarations declarations = declarations();
    declarations.name("task", name);
    requireNonNull(type, () -> "type of task '" + name + "' must not be null");
    requireNonNull(fn, () -> "function of task '" + name + "' must not be null");
    requireNonNull(source, () -> "source of task '" + name + "' must not be null");
    Key<?>[] distinct = declarations.dependencies(name, new Key<?>[] {source});
    Key<List<R>> key = Key.of(this.name, name, listOf(type.wrap()));
    declarations.task(TaskSpec.builder(key, args -> fn.apply(args.<E>each(source)))
        .function(fn).dependsOn(distinct).each(source).build());
    return key;
  }

  @SuppressWarnings("serial") // a type capture, never serialized
  private static <R> TypeToken<List<R>> listOf(TypeToken<R> element) {
    return new TypeToken<List<R>>() {}.where(new TypeParameter<R>() {}, element);
  }

  /**
   * Includes another flow — generated, built in code or composed — in this one: its tasks become
   * tasks of this flow, its keys can be passed as dependencies to the tasks declared here, and
   * its keys name the same tasks and inputs in runs of the flow built here. Its inputs are bound
   * by name: an input of the included flow is satisfied by this flow's task of the same name
   * (or by an included flow's), and otherwise stays an input of the built flow, shared with
   * this flow's input of that name if there is one.
   *
   * <pre>{@code
   * FlowBuilder pipeline = Flow.builder("pipeline").include(WordStatsFlow.of(new WordStats()));
   * Key<Path> corpus = pipeline.task("corpus", TypeToken.of(Path.class), () -> download(url));
   * Key<String> summary = pipeline.task("summary", TypeToken.of(String.class),
   *     total -> total.size() + " words", WordStatsFlow.TOTAL);
   * }</pre>
   *
   * <p>Here the included flow's input {@code corpus} is computed by the task {@code corpus}. The
   * types of such bindings, and of inputs shared under one name, are checked by
   * {@link #build()}, as {@link Flow#compose} checks them. A flow included twice, directly or
   * through two composed flows, is included once.
   *
   * @return this builder
   * @throws GraphException if the included flow has this flow's name, or a task of the name of
   *     a task declared here or in another included flow (in either order of the calls)
   * @throws IllegalArgumentException if {@code flow} was not made by Weft
   * @throws IllegalStateException if the flow was already built
   */
  public FlowBuilder include(Flow flow) {
    FlowDeclarations declarations = declarations();
    declarations.include(Flows.graph(flow, "the flow included in flow '" + name + "'"));
    return this;
  }

  /**
   * Returns the flow of everything declared, its tasks in declaration order, which is a
   * topological order since every task is declared after what it reads. Later calls return the
   * same flow; after the first, {@code input} and {@code task} throw
   * {@link IllegalStateException}.
   *
   * <p>Without included flows it is never rejected here: the declaring calls have already
   * checked names and dependencies, and a flow whose tasks read only keys declared before them
   * cannot have a cycle. With included flows, the bindings of their inputs are checked here.
   *
   * @throws GraphException if an included flow's input is bound to a task whose type is not a
   *     subtype of the input's, inputs of one name have types no one value can have, or the
   *     bindings close a cycle
   */
  public Flow build() {
    Flow flow = built;
    if (flow == null) {
      flow = declarations().build();
      built = flow;
      open = null;
    }
    return flow;
  }

  /** Returns the declarations of the flow, after checking that it is not built yet. */
  private FlowDeclarations declarations() {
    FlowDeclarations declarations = open;
    if (declarations == null) {
      throw new IllegalStateException("flow '" + name + "' was already built; declare every"
          + " input and task before build(), or start another with Flow.builder(...)");
    }
    return declarations;
  }

  private <T> Key<T> addInput(FlowDeclarations declarations, String name, TypeToken<T> type) {
    Key<T> key = Key.of(this.name, name, type.wrap());
    declarations.input(key);
    return key;
  }

  private <R> Key<R> addTask(
      String name, TypeToken<R> type, Object fn, TaskBody body, Key<?>... dependencies) {
    FlowDeclarations declarations = declarations();
    declarations.name("task", name);
    requireNonNull(type, () -> "type of task '" + name + "' must not be null");
    requireNonNull(fn, () -> "function of task '" + name + "' must not be null");
    Key<?>[] distinct = declarations.dependencies(name, dependencies);
    Key<R> key = Key.of(this.name, name, type.wrap());
    declarations.task(TaskSpec.builder(key, body).function(fn).dependsOn(distinct).build());
    return key;
  }

  @SuppressWarnings("unchecked") // only R's erasure, Object, is known: see the class Javadoc
  private static <R> TypeToken<R> unknown() {
    return (TypeToken<R>) (TypeToken<?>) UNKNOWN;
  }

  /** The function of a task that reads no key; it returns the task's value, an {@code R}. */
  @FunctionalInterface
  public interface Fn0<R> extends Serializable {
    /** Returns the task's value; whatever it throws fails the task, unwrapped. */
    R apply() throws Exception;
  }

  /** The function of a task that reads one key: it takes that key's value. */
  @FunctionalInterface
  public interface Fn1<A, R> extends Serializable {
    /** Returns the task's value; whatever it throws fails the task, unwrapped. */
    R apply(A a) throws Exception;
  }

  /** The function of a task that reads two keys: it takes their values, in order. */
  @FunctionalInterface
  public interface Fn2<A, B, R> extends Serializable {
    /** Returns the task's value; whatever it throws fails the task, unwrapped. */
    R apply(A a, B b) throws Exception;
  }

  /** The function of a task that reads three keys: it takes their values, in order. */
  @FunctionalInterface
  public interface Fn3<A, B, C, R> extends Serializable {
    /** Returns the task's value; whatever it throws fails the task, unwrapped. */
    R apply(A a, B b, C c) throws Exception;
  }

  /** The function of a task that reads four keys: it takes their values, in order. */
  @FunctionalInterface
  public interface Fn4<A, B, C, D, R> extends Serializable {
    /** Returns the task's value; whatever it throws fails the task, unwrapped. */
    R apply(A a, B b, C c, D d) throws Exception;
  }

  /** The function of a task that reads five keys: it takes their values, in order. */
  @FunctionalInterface
  public interface Fn5<A, B, C, D, E, R> extends Serializable {
    /** Returns the task's value; whatever it throws fails the task, unwrapped. */
    R apply(A a, B b, C c, D d, E e) throws Exception;
  }

  /** The function of a task that reads six keys: it takes their values, in order. */
  @FunctionalInterface
  public interface Fn6<A, B, C, D, E, F, R> extends Serializable {
    /** Returns the task's value; whatever it throws fails the task, unwrapped. */
    R apply(A a, B b, C c, D d, E e, F f) throws Exception;
  }
}
