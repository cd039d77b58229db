package dev.weft.engine.values;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.hash.HashCode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FingerprintLimitsTest {

  private static final ValueFingerprints FINGERPRINTS = ValueFingerprints.create();

  record Holder(Object payload) {}

  /** Jackson sees only {@code name}; {@code secret} would be invisible to the fingerprint. */
  static final class Hidden {
    private final String name = "n";
    private final int secret;

    Hidden(int secret) {
      this.secret = secret;
    }

    public String getName() {
      return name;
    }

    @Override
    public String toString() {
      return name + secret;
    }
  }

  /** A bean with a transient cache: the cache is not part of the value. */
  static final class Cached {
    private final String name;
    private transient int hash;

    Cached(String name) {
      this.name = name;
    }

    public String getName() {
      return name;
    }

    @Override
    public int hashCode() {
      return hash == 0 ? (hash = name.hashCode()) : hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cached c && c.name.equals(name);
    }
  }

  /** A bean that refers to others, so it can form a cycle. */
  static final class Node {
    private final String name;
    private final List<Node> next = new ArrayList<>();

    Node(String name) {
      this.name = name;
    }

    public String getName() {
      return name;
    }

    public List<Node> getNext() {
      return next;
    }
  }

  @Test
  void plainObject_isUnavailable_withReason() {
    assertThat(reason(new Object())).isEqualTo("a java.lang.Object is not a value Weft can "
        + "fingerprint: it is not a supported type, nor written by Jackson as a bean; use a "
        + "record, a bean whose every field is a property, or mark the tasks that read it "
        + "uncached");
  }

  @Test
  void beanWithAFieldJacksonDoesNotWrite_isUnavailable_namingTheField() {
    assertThat(reason(new Hidden(1))).isEqualTo("a dev.weft.engine.values."
        + "FingerprintLimitsTest$Hidden is not a value Weft can fingerprint: its field 'secret' "
        + "is not a property Jackson writes, so values differing only in it would share a "
        + "fingerprint; add a getter for it, make it transient if it is not part of the value, "
        + "or use a record");
  }

  @Test
  void beanWithATransientField_isFingerprintedWithoutIt() {
    Cached hashed = new Cached("a");
    hashed.hashCode();

    assertThat(FINGERPRINTS.of(hashed)).isEqualTo(FINGERPRINTS.of(new Cached("a")));
    assertThat(FINGERPRINTS.of(hashed)).isNotEqualTo(FINGERPRINTS.of(new Cached("b")));
  }

  @Test
  void nestedUnavailableValue_reasonSaysWhereItIs() {
    assertThat(reason(List.of(1, new Holder(Optional.of(new Object())))))
        .startsWith("element 1 of a java.util.ImmutableCollections$List12: component 'payload' "
            + "of dev.weft.engine.values.FingerprintLimitsTest$Holder: a java.lang.Object is not");
  }

  @Test
  void lambda_isUnavailable() {
    Runnable lambda = () -> {};

    assertThat(reason(lambda)).endsWith("is a lambda or an anonymous class: code, not a value; "
        + "pass the data it captures instead");
  }

  @Test
  void collectionWithoutAnOrderOfItsOwn_isUnavailable() {
    assertThat(reason(new PriorityQueue<>(List.of(1, 2)))).isEqualTo("a java.util.PriorityQueue "
        + "is a collection whose iteration order is not part of its value; pass a List if order "
        + "matters, or a Set if it does not");
    assertThat(reason(new HashMap<>(Map.of(1, 2)).values())).contains("iteration order");
  }

  @Test
  void statefulJdkObjects_areUnavailable() {
    for (Object value : List.of(new Thread(), new CompletableFuture<>(), Stream.of(1),
        new AtomicInteger(), new AtomicReference<>("x"), List.of(1).iterator(),
        new StringBuilder("x"))) {
      assertThat(FINGERPRINTS.fingerprint(value).isAvailable()).isFalse();
    }
  }

  @Test
  void listContainingItself_isUnavailable() {
    List<Object> list = new ArrayList<>();
    list.add(1);
    list.add(list);

    assertThat(reason(list)).isEqualTo(
        "element 1 of a java.util.ArrayList: a java.util.ArrayList contains itself (a cycle)");
  }

  @Test
  void cyclesThroughMapsSetsArraysAndBeans_areUnavailable() {
    Map<String, Object> map = new HashMap<>();
    map.put("self", map);
    Set<Object> set = new HashSet<>();
    List<Object> inSet = new ArrayList<>();
    set.add(inSet);
    inSet.add(set);
    Object[] array = new Object[1];
    array[0] = array;
    Node a = new Node("a");
    Node b = new Node("b");
    a.getNext().add(b);
    b.getNext().add(a);

    for (Object cyclic : List.of(map, set, array, a)) {
      assertThat(reason(cyclic)).contains("contains itself (a cycle)");
    }
  }

  @Test
  void sharedButAcyclicValues_areFingerprinted() {
    List<Integer> shared = List.of(1, 2);
    Node a = new Node("a");
    Node b = new Node("b");
    a.getNext().add(b);
    a.getNext().add(b);

    assertThat(FINGERPRINTS.of(List.of(shared, shared)))
        .isEqualTo(FINGERPRINTS.of(List.of(List.of(1, 2), List.of(1, 2))));
    assertThat(FINGERPRINTS.fingerprint(a).isAvailable()).isTrue();
  }

  @Test
  void deepNesting_upToTheLimit_fitsInA512KibStack_andBeyondIsUnavailable() throws Exception {
    int limit = CanonicalEncoder.MAX_DEPTH;
    List<Fingerprint> results = onThreadWithStack(512 * 1024,
        nestedLists(limit), nestedSets(limit), nestedRecords(limit), nestedMaps(limit),
        nestedLists(limit + 1), nestedRecords(1_000_000));

    for (Fingerprint upToTheLimit : results.subList(0, 4)) {
      assertThat(upToTheLimit.reason()).isEmpty();
    }
    String step = "element 0 of a java.util.ArrayList: ";
    assertThat(results.get(4).reason()).hasValue(step.repeat(3) + "… (394 more) …: "
        + step.repeat(3) + "the value is nested more than 400 levels deep");
    assertThat(results.get(5).reason().orElseThrow())
        .endsWith("the value is nested more than 400 levels deep");
  }

  @Test
  void deepNesting_onAThreadWithATinyStack_isUnavailable_notAnError() throws Exception {
    FINGERPRINTS.fingerprint(nestedMaps(2)); // loads the classes on a stack that can hold them

    List<Fingerprint> results =
        onThreadWithStack(64 * 1024, nestedMaps(CanonicalEncoder.MAX_DEPTH));

    assertThat(results.get(0).reason()).hasValue("a java.util.ImmutableCollections$Map1 is nested "
        + "too deeply for the stack of thread 'stack of 65536 bytes'");
  }

  @Test
  void tenMillionIntegers_streamIntoTheHasher() {
    List<Integer> numbers = new ArrayList<>(10_000_000);
    for (int i = 0; i < 10_000_000; i++) {
      numbers.add(i);
    }

    long before = allocatedBytes();
    HashCode hash = FINGERPRINTS.of(numbers).orElseThrow();
    long allocated = allocatedBytes() - before;

    assertThat(allocated).isLessThan(1 << 20);
    numbers.set(9_999_999, -1);
    assertThat(FINGERPRINTS.of(numbers)).isNotEqualTo(Optional.of(hash));
  }

  @Test
  void a64MibArray_streamsIntoTheHasher() {
    byte[] bytes = new byte[64 << 20];
    Arrays.fill(bytes, (byte) 7);

    long before = allocatedBytes();
    HashCode hash = FINGERPRINTS.of(bytes).orElseThrow();
    long allocated = allocatedBytes() - before;

    assertThat(allocated).isLessThan(1 << 20);
    bytes[bytes.length - 1] = 8;
    assertThat(FINGERPRINTS.of(bytes)).isNotEqualTo(Optional.of(hash));
  }

  private static Object nestedLists(int depth) {
    List<Object> list = new ArrayList<>();
    for (int i = 1; i < depth; i++) {
      List<Object> outer = new ArrayList<>();
      outer.add(list);
      list = outer;
    }
    return list;
  }

  private static List<Fingerprint> onThreadWithStack(long bytes, Object... values)
      throws InterruptedException {
    List<Fingerprint> results = new ArrayList<>();
    Thread thread = new Thread(null, () -> {
      for (Object value : values) {
        results.add(FINGERPRINTS.fingerprint(value));
      }
    }, "stack of " + bytes + " bytes", bytes);
    thread.start();
    thread.join();
    assertThat(results).hasSize(values.length);
    return results;
  }

  private static Object nestedRecords(int depth) {
    Object value = new Holder(1);
    for (int i = 1; i < depth; i++) {
      value = new Holder(value);
    }
    return value;
  }

  private static Object nestedMaps(int depth) {
    Object value = Map.of();
    for (int i = 1; i < depth; i++) {
      value = Map.of("k", value);
    }
    return value;
  }

  private static Object nestedSets(int depth) {
    Set<Object> set = new HashSet<>();
    for (int i = 1; i < depth; i++) {
      set = new HashSet<>(Set.of(set));
    }
    return set;
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  private static String reason(Object value) {
    return FINGERPRINTS.fingerprint(value).reason().orElseThrow();
  }
}
