package dev.weft.engine;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.reflect.TypeToken;
import dev.weft.engine.internal.Csr;
import dev.weft.engine.internal.FlowGraph;
import dev.weft.engine.internal.TaskSpec;
import dev.weft.engine.values.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/*
 * The cache side of one run: its plan, and the keys and digests of its nodes.
 *
 * Keys. A task's key hashes its identity (flow and task name), its code (fingerprint or declared
 * version), the fingerprint of each keyed input it reads and the output digest of each task it
 * reads — a Merkle tree over the graph, as in Bazel's action cache. A digest is known without
 * loading the value: from the memory entry, or from the disk tier's action entry.
 *
 * Plan. Before the run starts, keys are worked out in topological order as far as digests are
 * known, and each key is looked up without loading anything. Then the nodes the run needs are
 * found from the targets downwards: a task whose key hits is loaded and what it reads is not
 * needed, so a cached target loads and runs none of its upstream. Everything else executes.
 *
 * Late keys. The key of a task downstream of one that executes is known only once that one has
 * produced its digest; the task's attempt works it out and looks it up first thing. When the
 * upstream produced the same digest as before, the key is the old one and hits (early cutoff).
 *
 * Threads. Plan writes happen before the run is submitted to the pool. A node's key, digest,
 * tier and reason are written by the thread that settles it, before the counter decrement that
 * lets its dependents start, as the run's values are; claims are taken from an atomic array so
 * that a stop and the worker finishing the task release each exactly once.
 */
final class RunCache {
  static final byte EXECUTED = 0;
  static final byte MEMORY = 1;
  static final byte DISK = 2;

  private static final String NOT_CACHEABLE = "not cacheable";

  private final Memo memo;
  private final FlowGraph graph;
  private final Csr dependencies;
  private final @Nullable HashCode[] keys;
  private final @Nullable HashCode[] digests;
  private final @Nullable Explanation[] explanations;
  private final @Nullable HashCode[] elementBases;
  /** Why a task has no key, for one that cannot have one; else null. */
  private final @Nullable String[] uncacheable;
  private final @Nullable String[] reasons;
  private final byte[] tiers;
  private final BitSet plannedHits = new BitSet();
  /** Planned hits whose value the plan holds already: they settle without an attempt. */
  private final BitSet pinnedHits = new BitSet();
  private final @Nullable Object[] pinned;
  private final AtomicReferenceArray<@Nullable CompletableFuture<Memoized>> claims;
  private BitSet needed = new BitSet();

  private RunCache(Memo memo, FlowGraph graph) {
    this.memo = memo;
    this.graph = graph;
    this.dependencies = graph.dependencies();
    int nodes = graph.nodeCount();
    this.keys = new HashCode[nodes];
    this.digests = new HashCode[nodes];
    this.explanations = new Explanation[nodes];
    this.elementBases = new HashCode[nodes];
    this.uncacheable = new String[nodes];
    this.reasons = new String[nodes];
    this.tiers = new byte[nodes];
    this.pinned = new Object[nodes];
    this.claims = new AtomicReferenceArray<>(nodes);
  }

  /**
   * Plans a run: fingerprints its inputs, works out the keys it can, and finds what the targets
   * need given what is cached. Reads action entries, never values.
   *
   * @param closure the upstream closure of the targets, the most the run could need
   */
  static RunCache plan(Memo memo, FlowGraph graph, Inputs inputs, BitSet closure,
      BitSet targets) {
    RunCache cache = new RunCache(memo, graph);
    int firstTask = graph.inputCount();
    for (int input = closure.nextSetBit(0); input >= 0 && input < firstTask;
        input = closure.nextSetBit(input + 1)) {
      cache.fingerprintInput(input, inputs.value(graph.key(input).name()).orElse(null));
    }
    for (int node = closure.nextSetBit(firstTask); node >= 0; node = closure.nextSetBit(node + 1)) {
      HashCode key = cache.key(node, false);
      if (key == null) {
        continue;
      }
      Memoized inMemory = memo.peekMemory(key);
      if (inMemory != null) {
        cache.pin(node, MEMORY, inMemory);
        continue;
      }
      if (cache.holdsFiles(node)) {
        // A value naming files stands for their current state too, known once it is loaded.
        // Such values are small (names and metadata): load them now, so that the keys of the
        // tasks reading them are known and those tasks can be found cached as well.
        Memoized loaded = memo.loadForPlan(key, graph.key(node).type(), cache.describe(node));
        if (loaded != null) {
          cache.pin(node, DISK, loaded);
        }
        continue;
      }
      Optional<HashCode> onDisk = memo.peekDisk(key);
      if (onDisk.isPresent()) {
        cache.plannedHits.set(node);
        cache.tiers[node] = DISK;
        cache.digests[node] = onDisk.get();
      }
    }
    cache.needed = cache.reduce(targets);
    return cache;
  }

  /** Records a planned hit whose value the plan holds, read from {@code tier}. */
  private void pin(int node, byte tier, Memoized entry) {
    plannedHits.set(node);
    pinnedHits.set(node);
    tiers[node] = tier;
    digests[node] = keyDigest(node, entry.digest(), entry.value());
    pinned[node] = entry.value();
  }

  /** The nodes the targets need: hits without what they read, the rest with it. */
  private BitSet reduce(BitSet targets) {
    BitSet reduced = new BitSet(graph.nodeCount());
    IntStack stack = new IntStack();
    for (int t = targets.nextSetBit(0); t >= 0; t = targets.nextSetBit(t + 1)) {
      stack.push(t);
    }
    while (!stack.isEmpty()) {
      int node = stack.pop();
      if (reduced.get(node)) {
        continue;
      }
      reduced.set(node);
      if (plannedHits.get(node)) {
        served(node);
        if (tiers[node] == MEMORY) {
          memo.memoryHits.increment();
        } else if (pinnedHits.get(node)) {
          memo.diskHits.increment();
        }
        continue;
      }
      for (int p = dependencies.from(node); p < dependencies.to(node); p++) {
        stack.push(dependencies.target(p));
      }
    }
    for (int node = plannedHits.nextSetBit(0); node >= 0; node = plannedHits.nextSetBit(node + 1)) {
      if (!reduced.get(node)) {
        pinned[node] = null;
        pinnedHits.clear(node);
      }
    }
    plannedHits.and(reduced);
    return reduced;
  }

  private void fingerprintInput(int input, @Nullable Object value) {
    String name = graph.key(input).name();
    if (!graph.inputKeyed(name)) {
      return;
    }
    Fingerprint fingerprint = memo.fingerprint(value);
    if (fingerprint.isAvailable()) {
      digests[input] = fingerprint.hash().orElseThrow();
      return;
    }
    String reason = fingerprint.reason().orElse("it has no fingerprint");
    uncacheable[input] = NOT_CACHEABLE + ": input '" + name + "' has no fingerprint";
    String flow = graph.key(input).flow();
    memo.warnOnce("input " + flow + '\0' + name, "input '" + name + "' of flow '"
        + flow + "' cannot be fingerprinted, so the tasks reading it are not cached: "
        + reason + ". If the input does not change the results (a client, a pool), declare it"
        + " @Input(key = false).");
  }

  /**
   * Works out the key of {@code node} from its dependencies' fingerprints and digests; null if
   * the task cannot be cached ({@link #uncacheable} says why) or, when not {@code late}, if an
   * upstream digest is not known yet. Late, every dependency has settled, so a missing digest
   * is missing for good.
   */
  private @Nullable HashCode key(int node, boolean late) {
    return key(node, late, null);
  }

  private @Nullable HashCode key(int node, boolean late, @Nullable Run run) {
    if (keys[node] != null || uncacheable[node] != null) {
      return keys[node];
    }
    TaskSpec<?> spec = graph.taskAt(node);
    if (!spec.cache()) {
      uncacheable[node] = NOT_CACHEABLE;
      return null;
    }
    Memo.Code code = memo.code(graph, spec);
    if (code.hash() == null) {
      uncacheable[node] = NOT_CACHEABLE + ": " + code.problem();
      if (code.problem().equals(Memo.Code.UNREADABLE)) {
        memo.warnOnce("code " + spec.key().flow(), "the code of task '" + spec.name()
            + "' of flow '" + spec.key().flow() + "' cannot be read (a class generated at run"
            + " time, or without a class file), so it is not cached, nor any other such task of"
            + " the flow (this warning is not repeated); give it a version with"
            + " @Task(version = \"...\") to cache it");
      }
      return null;
    }
    Hasher hasher = Memo.keyHasher(spec.key().flow(), spec.name(), code.hash());
    List<Explanation.Part> parts = new ArrayList<>(dependencies.to(node) - dependencies.from(node));
    List<Key<?>> declared = spec.dependencies();
    for (int p = dependencies.from(node); p < dependencies.to(node); p++) {
      int dependency = dependencies.target(p);
      String name = graph.key(dependency).name();
      boolean input = dependency < graph.inputCount();
      // Whether an input counts is for the reader's own flow to say, which declared it: also when
      // a joined flow's task satisfies the input, so that the key stays the one the reader's
      // flow has when it runs alone.
      if (!graph.keyed(declared.get(p - dependencies.from(node)))) {
        continue;
      }
      HashCode hash = digests[dependency];
      if (hash == null && !input && run != null && run.state.get(dependency) == Run.EXECUTED) {
        // An upstream that is not cached itself gets its digest when a cached task reads it.
        // Dependents racing here compute the same digest; a HashCode is immutable.
        Object value = run.values[dependency];
        hash = memo.digest(value, graph.key(dependency).type(), describe(dependency));
        hash = hash == null ? null : keyDigest(dependency, hash, value);
        digests[dependency] = hash;
      }
      if (hash == null) {
        if (input) {
          uncacheable[node] = uncacheable[dependency];
        } else if (late) {
          uncacheable[node] = NOT_CACHEABLE + ": the value of upstream '" + name
              + "' has neither an encoding nor a fingerprint";
        }
        return null;
      }
      hasher.putString(name, StandardCharsets.UTF_8).putBoolean(input).putBytes(hash.asBytes());
      parts.add(new Explanation.Part(name, input, hash));
    }
    HashCode key = hasher.hash();
    keys[node] = key;
    explanations[node] = new Explanation(code.hash(), parts);
    return key;
  }

  // ---- During the run ------------------------------------------------------------------------

  /** The nodes the run needs; see {@link #plan}. */
  BitSet needed() {
    return needed;
  }

  /** Whether the plan found {@code node} cached, so that it is loaded and its upstream unneeded. */
  boolean plannedHit(int node) {
    return plannedHits.get(node);
  }

  /** Whether the plan holds {@code node}'s value already, so that it settles at once. */
  boolean pinnedHit(int node) {
    return pinnedHits.get(node);
  }

  /** The tier a node's value came from, or {@link #EXECUTED}. */
  byte tier(int node) {
    return tiers[node];
  }

  /** Why an executed task executed. */
  String reason(int node) {
    String reason = reasons[node];
    return reason != null ? reason : uncacheable[node] != null ? uncacheable[node] : "new";
  }

  /** The value of a planned memory hit, handed over once. */
  @Nullable Object takePinned(int node) {
    Object value = pinned[node];
    pinned[node] = null;
    return value;
  }

  /**
   * Looks a task up when it is ready to run, its dependencies settled: a hit (tier and digest are
   * recorded), another run's computation to wait for, or a miss — then this run holds the claim
   * and the reason is recorded. Null for a task that cannot be cached.
   */
  Memo.@Nullable Lookup lookUp(int node, Run run) {
    HashCode key = key(node, true, run);
    if (key == null) {
      return null;
    }
    Memo.Lookup found = memo.lookup(key, graph.key(node).type(), describe(node));
    if (found instanceof Memo.Lookup.Hit hit) {
      tiers[node] = hit.disk() ? DISK : MEMORY;
      digests[node] = keyDigest(node, hit.entry().digest(), hit.entry().value());
      served(node);
    } else if (found instanceof Memo.Lookup.Miss miss) {
      claims.set(node, miss.claim());
      if (run.state.get(node) != Run.STARTED) {
        abandon(node); // a stop settled the task meanwhile, and found no claim to give up
      }
      Explanation previous = memo.explanation(graph.key(node).flow(), graph.key(node).name());
      Explanation current = explanations[node];
      reasons[node] = current == null ? "new" : current.reasonAfter(previous);
    }
    return found;
  }

  // ---- Fan-out elements ----------------------------------------------------------------------

  /*
   * Each element of a fan-out task is cached on its own, under a key made of the task's code,
   * its other dependencies and the element's fingerprint, so that changing one element of many
   * computes one. (The task's value as a whole is cached too, under the task's key.) Another run
   * computing the same element is not waited for: the element is computed here as well.
   */

  /**
   * Looks element {@code i} of fan-out task {@code node} up: its cached value, or null — then this
   * run holds the element's claim, unless the element cannot be cached.
   */
  @Nullable Memoized lookUpElement(int node, FanOut fanOut, int i, Run run) {
    HashCode base = elementBase(node, run);
    if (base == null || fanOut.claims == null || fanOut.keys == null) {
      return null;
    }
    Object element = fanOut.elements[i];
    Fingerprint fingerprint = memo.fingerprint(element);
    if (!fingerprint.isAvailable()) {
      Key<?> task = graph.key(node);
      memo.warnOnce("element " + task.flow() + '\0' + task.name(), "an element of "
          + describe(node) + " cannot be fingerprinted, so such elements are not cached one by"
          + " one: " + fingerprint.reason().orElse(""));
      return null;
    }
    HashCode key = Hashing.murmur3_128().newHasher().putBytes(base.asBytes())
        .putBytes(fingerprint.hash().orElseThrow().asBytes()).hash();
    fanOut.keys[i] = key;
    Memo.Lookup found = memo.lookup(key, resultType(node, fanOut), description(node, fanOut));
    if (found instanceof Memo.Lookup.Hit hit) {
      fanOut.cached.incrementAndGet();
      return hit.entry();
    }
    if (found instanceof Memo.Lookup.Miss miss) {
      fanOut.claims.set(i, miss.claim());
      if (run.state.get(node) != Run.STARTED) {
        abandonElements(fanOut); // a stop settled the task meanwhile
      }
    }
    return null;
  }

  /** Element {@code i} produced {@code value}: stores it under the claim this run holds. */
  void elementDone(int node, FanOut fanOut, int i, @Nullable Object value) {
    CompletableFuture<Memoized> claim =
        fanOut.claims == null ? null : fanOut.claims.getAndSet(i, null);
    if (claim != null && fanOut.keys != null && fanOut.keys[i] != null) {
      memo.store(fanOut.keys[i], claim, value, resultType(node, fanOut),
          description(node, fanOut));
    }
  }

  /** The fan-out settled: claims on elements that did not produce a value are given up. */
  void abandonElements(FanOut fanOut) {
    if (fanOut.claims == null) {
      return;
    }
    for (int i = 0; i < fanOut.claims.length(); i++) {
      CompletableFuture<Memoized> claim = fanOut.claims.getAndSet(i, null);
      if (claim != null) {
        memo.abandon(claim);
      }
    }
  }

  /** What every element key of a fan-out starts from: its key, less the collection's digest. */
  private @Nullable HashCode elementBase(int node, Run run) {
    HashCode base = elementBases[node];
    if (base != null || key(node, true, run) == null) {
      return base;
    }
    Explanation explanation = explanations[node];
    String source = graph.taskAt(node).each().orElseThrow().name();
    Key<?> task = graph.key(node);
    Hasher hasher = Memo.keyHasher(task.flow(), task.name(), explanation.code())
        .putString("each", StandardCharsets.UTF_8);
    for (Explanation.Part part : explanation.parts()) {
      if (!part.name().equals(source)) {
        hasher.putString(part.name(), StandardCharsets.UTF_8).putBoolean(part.input())
            .putBytes(part.hash().asBytes());
      }
    }
    base = hasher.hash();
    elementBases[node] = base; // elements racing here compute equal bases
    return base;
  }

  private TypeToken<?> resultType(int node, FanOut fanOut) {
    TypeToken<?> type = fanOut.resultType;
    if (type == null) {
      type = graph.key(node).type().resolveType(List.class.getTypeParameters()[0]);
      fanOut.resultType = type;
    }
    return type;
  }

  private String description(int node, FanOut fanOut) {
    String description = fanOut.description;
    if (description == null) {
      description = describe(node);
      fanOut.description = description;
    }
    return description;
  }

  /** A planned hit could not be loaded: its key is not to be read from disk again. */
  void unreadable(int node) {
    HashCode key = keys[node];
    if (key != null) {
      memo.unreadable(key);
    }
  }

  /** Another run computed the value this run waited for. */
  void waited(int node, Memoized entry) {
    memo.memoryHits.increment();
    tiers[node] = MEMORY;
    digests[node] = keyDigest(node, entry.digest(), entry.value());
  }

  /**
   * A planned hit could not be loaded and a run of its own produced {@code value} instead, with
   * outcome {@code outcome} there.
   */
  void recomputed(int node, @Nullable Object value, TaskOutcome outcome) {
    HashCode key = keys[node];
    Memoized entry = key == null ? null : memo.peekMemory(key);
    tiers[node] = switch (outcome.status()) {
      case MEMORY_HIT -> MEMORY;
      case DISK_HIT -> DISK;
      default -> EXECUTED;
    };
    reasons[node] = "cache entry unreadable; " + outcome.reason();
    HashCode digest = entry != null ? entry.digest()
        : memo.digest(value, graph.key(node).type(), describe(node));
    digests[node] = digest == null ? null : keyDigest(node, digest, value);
  }

  /**
   * A task executed and produced {@code value}: stores it under the claim, if the run holds one,
   * and records its digest for the keys of its dependents.
   */
  void executed(int node, @Nullable Object value) {
    CompletableFuture<Memoized> claim = claims.getAndSet(node, null);
    HashCode key = keys[node];
    if (claim != null && key != null) {
      Memoized entry = memo.store(key, claim, value, graph.key(node).type(), describe(node));
      digests[node] = keyDigest(node, entry.digest(), value);
      Explanation explanation = explanations[node];
      if (explanation != null) {
        memo.explained(graph.key(node).flow(), graph.key(node).name(), explanation);
      }
    }
    // Otherwise its digest is worked out if and when a task with a key reads it.
  }

  /** A task settled without a value: its claim, if any, is given up for others to take. */
  void abandon(int node) {
    CompletableFuture<Memoized> claim = claims.getAndSet(node, null);
    if (claim != null) {
      memo.abandon(claim);
    }
  }

  private void served(int node) {
    Explanation explanation = explanations[node];
    if (explanation != null) {
      memo.served(graph.key(node).flow(), graph.key(node).name(), explanation);
    }
  }

  private boolean holdsFiles(int node) {
    return FileTypes.mayHoldFiles(graph.key(node).type().getType());
  }

  /**
   * The digest that stands for a node's value in its dependents' keys: the digest of its
   * encoding, and for a value naming files, their fingerprints too — so that a task reading the
   * files a list of paths names reruns when they change, though the list does not.
   */
  private HashCode keyDigest(int node, HashCode digest, @Nullable Object value) {
    if (!holdsFiles(node)) {
      return digest;
    }
    Fingerprint files = memo.fingerprint(value);
    Hasher hasher = Hashing.murmur3_128().newHasher().putBytes(digest.asBytes());
    files.hash().ifPresent(hash -> hasher.putBytes(hash.asBytes()));
    return hasher.hash();
  }

  String describe(int node) {
    return "task '" + graph.key(node).name() + "' of flow '" + graph.key(node).flow() + "'";
  }
}
