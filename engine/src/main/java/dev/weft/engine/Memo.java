package dev.weft.engine;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import dev.weft.engine.fingerprint.CodeFingerprints;
import dev.weft.engine.store.DiskStore;
import dev.weft.engine.store.PutResult;
import dev.weft.engine.values.CodecException;
import dev.weft.engine.values.Codecs;
import dev.weft.engine.values.Fingerprint;
import dev.weft.engine.values.ValueFingerprints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The memoization of one {@link Weft}, shared by its runs and its memoized proxies: the memory
 * tier (Caffeine, weighed in bytes, single-flight per key), the disk tier (a {@link DiskStore}),
 * the fingerprints keys are made of, the explanations of why a task ran, and the counters behind
 * {@link Cache#stats()}. Thread-safe.
 *
 * <p>Single flight. The memory tier maps a key to a future of its value. Whoever finds no future
 * for a key puts one in (a {@linkplain Lookup.Miss claim}), looks on disk, and if need be computes
 * the value; everyone else who needs that key meanwhile {@linkplain Lookup.Wait waits} for the
 * claim. A claim is completed exactly once: with the value, or exceptionally when the computation
 * failed or was cancelled, which removes it so that a waiter can claim the key in turn.
 */
final class Memo implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Memo.class);
  /** What an entry of the memory tier costs beyond its value's encoding: key, future, node. */
  static final int ENTRY_OVERHEAD = 160;
  /** The weight of a value that has no encoding, so no measured size. */
  static final int UNENCODED_WEIGHT = 4096;
  private static final int KEY_FORMAT = 1;

  private final AsyncCache<HashCode, Memoized> memory;
  private final com.github.benmanes.caffeine.cache.Cache<String, Explanation> explanations =
      Caffeine.newBuilder().maximumSize(100_000).build();
  private final @Nullable DiskStore disk;
  private final @Nullable CacheWriter writer;
  private final Codecs codecs;
  private final ValueFingerprints fingerprints;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  /** Remembers that the disk has no explanation for a task. */
  private static final Explanation NO_EXPLANATION =
      new Explanation(HashCode.fromLong(0), List.of());
  /**
   * Keys whose disk entry could not be decoded or loaded: read no more, so that the value is
   * computed again (and a rewritten entry is read again).
   */
  private final Set<HashCode> unreadable = ConcurrentHashMap.newKeySet();
  final LongAdder memoryHits = new LongAdder();
  final LongAdder memoryMisses = new LongAdder();
  final LongAdder diskHits = new LongAdder();
  final LongAdder diskMisses = new LongAdder();
  /** Disk entries that were intact but could not be decoded; the store counts its own failures. */
  final LongAdder failures = new LongAdder();

  Memo(long memoryBytes, @Nullable Path cacheDir, Codecs codecs, boolean contentHashing) {
    this.memory = Caffeine.newBuilder()
        .maximumWeight(memoryBytes)
        .weigher((HashCode key, Memoized entry) -> entry.weight())
        // Evictions on the writing thread: with the common pool, an entry over the bound would
        // stay visible for a moment, and memoryCacheBytes(0) would still serve hits.
        .executor(Runnable::run)
        .buildAsync();
    this.codecs = codecs;
    this.fingerprints = ValueFingerprints.withContentHashing(contentHashing);
    if (cacheDir == null) {
      this.disk = null;
      this.writer = null;
    } else {
      try {
        this.disk = DiskStore.open(cacheDir);
        this.writer = new CacheWriter("weft-cache-writer");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot use cache directory " + cacheDir + " (" + e
            + "); pass a directory Weft may create and write, or leave cacheDir unset", e);
      }
    }
  }

  /** The result of looking a key up; see the class comment for the protocol. */
  sealed interface Lookup {
    /** The value is cached; {@code disk} says which tier it came from. */
    record Hit(Memoized entry, boolean disk) implements Lookup {}

    /** Another run or call is computing the value; its future completes with it or fails. */
    record Wait(CompletableFuture<Memoized> other) implements Lookup {}

    /**
     * The value is not cached and the caller now computes it: it must pass {@code claim} to
     * {@link #store} or {@link #abandon}, exactly once.
     */
    record Miss(CompletableFuture<Memoized> claim) implements Lookup {}
  }

  /**
   * Looks {@code key} up in memory, then on disk; on a miss, claims it.
   *
   * @param type the value's exact type, to decode it from disk with
   * @param task what the value is, for messages: {@code task 'x' of flow 'f'}
   */
  Lookup lookup(HashCode key, TypeToken<?> type, String task) {
    while (true) {
      CompletableFuture<Memoized> present = memory.getIfPresent(key);
      if (present != null) {
        if (!present.isDone()) {
          return new Lookup.Wait(present);
        }
        Memoized entry = completed(present);
        if (entry != null) {
          memoryHits.increment();
          return new Lookup.Hit(entry, false);
        }
        memory.asMap().remove(key, present); // failed: Caffeine drops it soon, we drop it now
        continue;
      }
      CompletableFuture<Memoized> claim = new CompletableFuture<>();
      if (memory.asMap().putIfAbsent(key, claim) != null) {
        continue;
      }
      memoryMisses.increment();
      Memoized fromDisk;
      try {
        fromDisk = disk == null ? null : load(key, type, task);
      } catch (RuntimeException | Error e) { // a closed store: the claim must not be left behind
        abandon(claim);
        throw e;
      }
      if (fromDisk != null) {
        claim.complete(fromDisk);
        return new Lookup.Hit(fromDisk, true);
      }
      return new Lookup.Miss(claim);
    }
  }

  /**
   * The memory entry of {@code key} if it is there and complete, without counting a hit or a
   * miss; for planning a run, which counts what it then uses.
   */
  @Nullable Memoized peekMemory(HashCode key) {
    CompletableFuture<Memoized> present = memory.getIfPresent(key);
    return present == null || !present.isDone() ? null : completed(present);
  }

  /** The output digest the disk tier records for {@code key}, without loading the value. */
  Optional<HashCode> peekDisk(HashCode key) {
    if (disk == null || unreadable.contains(key)) {
      return Optional.empty();
    }
    awaitWrite(key);
    return disk.action(key);
  }

  /**
   * Reads {@code key}'s value from the disk tier and puts it in memory; null if it is not there or
   * cannot be read (logged, and the key is not read from disk again by this Weft).
   */
  @Nullable Memoized load(HashCode key, TypeToken<?> type, String task) {
    Memoized entry = read(key, type, task);
    if (entry != null) {
      diskHits.increment();
    } else if (disk != null) {
      diskMisses.increment();
    }
    return entry;
  }

  private @Nullable Memoized read(HashCode key, TypeToken<?> type, String task) {
    DiskStore store = disk;
    if (store == null || unreadable.contains(key)) {
      return null;
    }
    awaitWrite(key);
    Optional<HashCode> digest = store.action(key);
    Optional<byte[]> bytes = digest.isEmpty() ? Optional.empty() : store.content(digest.get());
    if (bytes.isEmpty()) {
      return null;
    }
    Object value;
    try {
      value = codecs.decode(bytes.get(), type);
    } catch (RuntimeException e) { // a CodecException, or a custom codec that threw
      unreadable.add(key);
      failures.increment();
      warnOnce("decode " + task + " " + type, "the cached value of " + task + " could not be read"
          + " as " + type + " (" + e.getMessage() + "); it is computed again. This happens when a"
          + " value's class changed shape without a change to the task's code; clear the cache"
          + " to drop such entries");
      return null;
    }
    return new Memoized(value, digest.get(), weight(bytes.get().length));
  }

  /**
   * Reads {@code key}'s value from disk for a run's plan, counting nothing (the plan counts what
   * it uses), and keeps it in memory; null if it is not there or cannot be read.
   */
  @Nullable Memoized loadForPlan(HashCode key, TypeToken<?> type, String task) {
    Memoized entry = read(key, type, task);
    if (entry != null) {
      memory.asMap().putIfAbsent(key, CompletableFuture.completedFuture(entry));
    }
    return entry;
  }

  /**
   * Records a value computed under {@code claim} for {@code key}: works out its digest, writes it
   * to disk, and completes the claim so that the memory tier serves it. Never throws for a value
   * that cannot be encoded or a store that fails: those are logged and counted.
   */
  Memoized store(HashCode key, CompletableFuture<Memoized> claim, @Nullable Object value,
      TypeToken<?> type, String task) {
    Encoded encoded = encode(value, type, task);
    HashCode digest = encoded.bytes == null ? orLineage(encoded.digest, key) : encoded.digest;
    Memoized entry = new Memoized(value, digest,
        encoded.bytes == null ? UNENCODED_WEIGHT : weight(encoded.bytes.length));
    DiskStore store = disk;
    byte[] bytes = encoded.bytes;
    if (store != null && writer != null && bytes != null) {
      writer.submit(key, bytes.length, () -> {
        PutResult put = store.putContent(bytes);
        // A failure is logged and counted by the store.
        if (put.stored() && store.putAction(key, put.digest())) {
          unreadable.remove(key);
        }
      });
    }
    claim.complete(entry);
    return entry;
  }

  /** Stops reading {@code key} from disk until a value is stored for it again. */
  void unreadable(HashCode key) {
    unreadable.add(key);
  }

  /** Gives up a claim whose value was not computed: a waiter, if any, claims the key in turn. */
  void abandon(CompletableFuture<Memoized> claim) {
    claim.completeExceptionally(new AbandonedException());
  }

  /**
   * The digest of a value that is not cached (its task is not cacheable): the hash of its
   * encoding, else its fingerprint; null if it has neither, which makes its dependents uncacheable.
   */
  @Nullable HashCode digest(@Nullable Object value, TypeToken<?> type, String task) {
    return encode(value, type, task).digest;
  }

  private HashCode orLineage(@Nullable HashCode digest, HashCode key) {
    // A value with neither encoding nor fingerprint stands for itself by the key it was made
    // under: equal keys mean equal values, which is the premise of the whole cache.
    return digest != null ? digest
        : Hashing.murmur3_128().newHasher().putString("lineage", StandardCharsets.UTF_8)
            .putBytes(key.asBytes()).hash();
  }

  private record Encoded(byte @Nullable [] bytes, @Nullable HashCode digest) {}

  private Encoded encode(@Nullable Object value, TypeToken<?> type, String task) {
    if (type.getRawType() != Object.class) {
      try {
        byte[] bytes = codecs.encode(value, type);
        return new Encoded(bytes, Codecs.digest(bytes));
      } catch (CodecException e) {
        if (disk != null) {
          warnOnce("encode " + task + " " + type, "the value of " + task + " cannot be stored on"
              + " disk and is kept in memory only: " + e.getMessage());
        }
      }
    } else if (disk != null) {
      warnOnce("untyped " + task, "the value of " + task + " has no declared type, so it is kept"
          + " in memory only; declare the task with the FlowBuilder.task overload that takes a"
          + " TypeToken to store its values on disk");
    }
    return new Encoded(null, fingerprints.of(value).orElse(null));
  }

  /** Reads whether {@code future} completed normally, and with what. */
  private static @Nullable Memoized completed(CompletableFuture<Memoized> future) {
    return future.isCompletedExceptionally() ? null : future.getNow(null);
  }

  private static int weight(long encodedBytes) {
    return (int) Math.min(Integer.MAX_VALUE, encodedBytes + ENTRY_OVERHEAD);
  }

  // ---- Keys ----------------------------------------------------------------------------------

  /** The fingerprint of a value for a cache key, or why it has none. */
  Fingerprint fingerprint(@Nullable Object value) {
    return fingerprints.fingerprint(value);
  }

  /**
   * The hash standing for a task's code: of its declared version if it has one, else the
   * fingerprint of its method's bytecode (or its function's, for a task built in code) and of the
   * own code that reaches. Empty if the code cannot be read.
   */
  Code code(FlowGraph graph, TaskSpec<?> spec) {
    // CodeFingerprints computes each method's and function class's fingerprint once per JVM.
    if (!spec.version().isEmpty()) {
      return new Code(version(spec.version()), null);
    }
    try {
      Optional<Class<?>> owner = graph.owner(spec);
      if (!spec.methodName().isEmpty() && owner.isPresent()) {
        return Code.of(CodeFingerprints.of(
            owner.get(), spec.methodName(), spec.methodDescriptor()));
      }
      if (spec.function().isPresent()) {
        Object function = spec.function().get();
        Code code = Code.of(CodeFingerprints.ofFunction(function));
        return code.hash() == null ? code : withCaptures(code.hash(), function);
      }
    } catch (RuntimeException e) { // a method the flow names but its class lacks: out of date
      log.warn("cannot fingerprint the code of task '{}' of flow '{}'", spec.name(),
          spec.key().flow(), e);
    }
    return Code.of(Optional.empty());
  }

  /**
   * What stands for a task's code in its keys: a hash, or why there is none.
   *
   * @param hash the hash, or null
   * @param problem why there is no hash, as the end of {@code "not cacheable: …"}, or null
   */
  record Code(@Nullable HashCode hash, @Nullable String problem) {
    static final String UNREADABLE = "its code cannot be read";

    static Code of(Optional<HashCode> hash) {
      return new Code(hash.orElse(null), hash.isPresent() ? null : UNREADABLE);
    }
  }

  /**
   * Adds to a function's code fingerprint the values the function holds: what a lambda captured,
   * an object's fields. A value that can be fingerprinted counts (a changed threshold changes the
   * key); one that cannot (a client, an enclosing instance) is left out, as an input declared
   * {@code @Input(key = false)} is.
   */
  private Code withCaptures(HashCode code, Object function) {
    Hasher hasher = Hashing.murmur3_128().newHasher().putBytes(code.asBytes());
    for (Field field : CAPTURES.get(function.getClass())) {
      Object value;
      try {
        value = field.get(function);
      } catch (IllegalAccessException e) {
        return new Code(null, "what its function holds cannot be read");
      }
      Fingerprint fingerprint = fingerprints.fingerprint(value);
      if (!fingerprint.isAvailable()) {
        String what = value == null ? "null" : "a " + value.getClass().getName();
        warnOnce("capture " + function.getClass().getName() + " " + field.getName(),
            "a task function of " + enclosing(function) + " holds " + what + " (its field "
                + field.getName() + ", a captured variable or the enclosing instance) that cannot"
                + " be fingerprinted, so the tasks using it are not cached: "
                + fingerprint.reason().orElse("") + ". Capture only values such as numbers,"
                + " strings, lists and records, or make the function static and pass the rest"
                + " as an input.");
        return new Code(null, "its function holds " + what + ", which cannot be fingerprinted");
      }
      hasher.putString(field.getName(), StandardCharsets.UTF_8).putByte((byte) 0)
          .putBytes(fingerprint.hash().orElseThrow().asBytes());
    }
    return new Code(hasher.hash(), null);
  }

  private static String enclosing(Object function) {
    String name = function.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    return lambda > 0 ? name.substring(0, lambda) : name;
  }

  /** The instance fields of a function class, by name, that reflection may read. */
  private static final ClassValue<List<Field>> CAPTURES = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())) {
            continue;
          }
          try {
            field.setAccessible(true);
            fields.add(field);
          } catch (RuntimeException e) { // a module that does not open the class's package
            log.debug("cannot read field {} of {}; it does not count in cache keys", field,
                type.getName(), e);
          }
        }
      }
      fields.sort(Comparator.comparing(Field::getName)
          .thenComparing(f -> f.getDeclaringClass().getName()));
      return List.copyOf(fields);
    }
  };

  /** What stands for the code of a task or method declared {@code @Task(version = version)}. */
  static HashCode version(String version) {
    return Hashing.murmur3_128().newHasher().putString("version", StandardCharsets.UTF_8)
        .putString(version, StandardCharsets.UTF_8).hash();
  }

  /** Starts a cache key: format, flow and task identity, and code. */
  static Hasher keyHasher(String flow, String task, HashCode code) {
    return Hashing.murmur3_128().newHasher()
        .putInt(KEY_FORMAT)
        .putString(flow, StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(task, StandardCharsets.UTF_8).putByte((byte) 0)
        .putBytes(code.asBytes());
  }

  // ---- Explanations --------------------------------------------------------------------------

  /** The explanation recorded for a task's last execution, from memory or disk; null if none. */
  @Nullable Explanation explanation(String flow, String task) {
    String identity = flow + '\0' + task;
    Explanation known = explanations.getIfPresent(identity);
    DiskStore store = disk;
    if (known != null || store == null) {
      return known == NO_EXPLANATION ? null : known;
    }
    HashCode key = identityKey(identity);
    awaitWrite(key);
    Optional<HashCode> digest = store.action(key);
    Optional<byte[]> bytes = digest.isEmpty() ? Optional.empty() : store.content(digest.get());
    Explanation read = bytes.map(Explanation::fromBytes).orElse(null);
    // Remembered, found or not: a cold run explains every task, and should not read twice.
    explanations.asMap().putIfAbsent(identity, read == null ? NO_EXPLANATION : read);
    return read;
  }

  /** Records what the key of a task's execution was made of, unless it is what was recorded. */
  void explained(String flow, String task, Explanation explanation) {
    String identity = flow + '\0' + task;
    Explanation previous = explanations.asMap().put(identity, explanation);
    DiskStore store = disk;
    if (store != null && writer != null && !explanation.equals(previous)) {
      byte[] bytes = explanation.toBytes();
      HashCode key = identityKey(identity);
      writer.submit(key, bytes.length, () -> {
        PutResult put = store.putContent(bytes);
        if (put.stored()) {
          store.putAction(key, put.digest());
        }
      });
    }
  }

  /**
   * Records, in memory only, what the key of a task served from the cache was made of: a later
   * miss is then explained against the latest key, not the last executed one (after a change is
   * reverted, say).
   */
  void served(String flow, String task, Explanation explanation) {
    explanations.put(flow + '\0' + task, explanation);
  }

  private static HashCode identityKey(String identity) {
    return Hashing.murmur3_128().newHasher().putString("explanation", StandardCharsets.UTF_8)
        .putInt(KEY_FORMAT).putString(identity, StandardCharsets.UTF_8).hash();
  }

  // ---- Management ----------------------------------------------------------------------------

  void warnOnce(String what, String message) {
    if (warned.add(what)) {
      log.warn(message);
    }
  }

  @Nullable DiskStore disk() {
    return disk;
  }

  AsyncCache<HashCode, Memoized> memory() {
    return memory;
  }

  void clearMemory() {
    memory.synchronous().invalidateAll();
    explanations.invalidateAll();
    unreadable.clear();
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
    if (disk != null) {
      disk.close();
    }
  }

  /** Waits for every pending disk write, so that the directory holds what was computed. */
  void flush() {
    if (writer != null) {
      writer.flush();
    }
  }

  private void awaitWrite(HashCode key) {
    if (writer != null) {
      writer.await(key);
    }
  }

  /** Completes an abandoned claim: the value was not computed, and no one should wait for it. */
  static final class AbandonedException extends CancellationException {
    private static final long serialVersionUID = 1L;

    AbandonedException() {
      // A cancellation, which Caffeine expects of a future and does not log.
      super("the computation of this value was abandoned");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // thrown for every failed task: the stack says nothing
    }
  }
}
