package dev.weft.engine.values;

import com.google.common.collect.Multiset;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.hash.PrimitiveSink;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Streams the canonical encoding of one value into a hasher; one instance per value fingerprinted.
 *
 * <p>Scalars are written by {@link Scalars}, paths by {@link PathFingerprints}; this class walks
 * the containers. Lists, deques and arrays are written in order, element by element, straight
 * into the sink, so a list of ten million integers costs no memory beyond the list. Sets and
 * multisets are written as the sorted hashes of their elements, maps as the sorted pairs of
 * (key hash, value hash): that is what makes a {@code HashSet} or {@code HashMap} independent of
 * its insertion history, and it costs 16 bytes per element, or 32 per entry, while it is sorted.
 *
 * <p>A container that is reached again while it is being written is a cycle, and a value nested
 * deeper than {@link #MAX_DEPTH} is refused too: both would otherwise loop or overflow the stack.
 * A shared object reached twice along different paths (a diamond, not a cycle) is simply written
 * twice.
 */
final class CanonicalEncoder {

  /**
   * How deep values may nest: deep enough for data, and shallow enough to fit in a 512 KiB stack
   * (each level takes up to about 1 KiB of it), half the default thread stack.
   */
  static final int MAX_DEPTH = 400;

  // Tags of the values this class writes; Scalars' tags are below 30. Never renumber one.
  private static final byte NULL = 0;
  private static final byte LIST = 30;
  private static final byte DEQUE = 31;
  private static final byte ARRAY = 32;
  private static final byte SET = 33;
  private static final byte MULTISET = 34;
  private static final byte MAP = 35;
  private static final byte OPTIONAL = 36;
  private static final byte OPTIONAL_INT = 37;
  private static final byte OPTIONAL_LONG = 38;
  private static final byte OPTIONAL_DOUBLE = 39;
  private static final byte RECORD = 40;
  private static final byte BEAN = 41;
  private static final byte PATH = 42;
  private static final byte FILE = 43;

  private final boolean contentHashing;
  private final ValueShapes shapes;
  private final IdentityHashMap<Object, Boolean> enclosing = new IdentityHashMap<>();
  private int depth;

  CanonicalEncoder(boolean contentHashing, ValueShapes shapes) {
    this.contentHashing = contentHashing;
    this.shapes = shapes;
  }

  void write(@Nullable Object value, PrimitiveSink sink) throws NotFingerprintable {
    if (value == null) {
      sink.putByte(NULL);
      return;
    }
    if (Scalars.write(value, sink)) {
      return;
    }
    if (++depth > MAX_DEPTH) {
      throw new NotFingerprintable("the value is nested more than " + MAX_DEPTH + " levels deep");
    }
    try {
      if (value instanceof Path path) {
        sink.putByte(PATH);
        PathFingerprints.write(path, contentHashing, sink);
      } else if (value instanceof File file) {
        sink.putByte(FILE);
        PathFingerprints.write(toPath(file), contentHashing, sink);
      } else if (!writeOptional(value, sink)) {
        writeContainer(value, sink);
      }
    } finally {
      depth--;
    }
  }

  private boolean writeOptional(Object value, PrimitiveSink sink) throws NotFingerprintable {
    if (value instanceof Optional<?> o) {
      sink.putByte(OPTIONAL).putBoolean(o.isPresent());
      if (o.isPresent()) {
        write(o.get(), sink);
      }
    } else if (value instanceof OptionalInt o) {
      sink.putByte(OPTIONAL_INT).putBoolean(o.isPresent()).putInt(o.orElse(0));
    } else if (value instanceof OptionalLong o) {
      sink.putByte(OPTIONAL_LONG).putBoolean(o.isPresent()).putLong(o.orElse(0));
    } else if (value instanceof OptionalDouble o) {
      sink.putByte(OPTIONAL_DOUBLE).putBoolean(o.isPresent())
          .putLong(Double.doubleToLongBits(o.orElse(0)));
    } else {
      return false;
    }
    return true;
  }

  private void writeContainer(Object value, PrimitiveSink sink) throws NotFingerprintable {
    String type = value.getClass().getName();
    if (enclosing.put(value, Boolean.TRUE) != null) {
      throw new NotFingerprintable(Texts.join("a ", type, " contains itself (a cycle)"));
    }
    try {
      if (value instanceof List<?> list) {
        writeSequence(LIST, list, type, sink);
      } else if (value instanceof Set<?> set) {
        writeUnordered(SET, set, type, sink);
      } else if (value instanceof Map<?, ?> map) {
        writeMap(map, type, sink);
      } else if (value instanceof Object[] array) {
        writeSequence(ARRAY, Arrays.asList(array), type, sink);
      } else if (value instanceof Deque<?> deque) {
        writeSequence(DEQUE, deque, type, sink);
      } else if (value instanceof Multiset<?> multiset) {
        writeUnordered(MULTISET, multiset, type, sink);
      } else if (value instanceof Collection<?>) {
        throw new NotFingerprintable(Texts.join("a ", type, " is a collection whose iteration "
            + "order is not part of its value; pass a List if order matters, or a Set if it "
            + "does not"));
      } else if (value instanceof Record) {
        writeParts(RECORD, "component", shapes.ofRecord(value.getClass()), value, sink);
      } else {
        writeParts(BEAN, "property", shapes.ofBean(value.getClass()), value, sink);
      }
    } finally {
      enclosing.remove(value);
    }
  }

  private void writeSequence(byte tag, Collection<?> elements, String type, PrimitiveSink sink)
      throws NotFingerprintable {
    sink.putByte(tag).putInt(elements.size());
    int index = 0;
    for (Object element : elements) {
      try {
        write(element, sink);
      } catch (NotFingerprintable e) {
        throw e.within(Texts.join("element ", index, " of a ", type));
      }
      index++;
    }
  }

  private void writeUnordered(byte tag, Collection<?> elements, String type, PrimitiveSink sink)
      throws NotFingerprintable {
    long[] hashes = new long[2 * elements.size()];
    int at = 0;
    for (Object element : elements) {
      checkRoom(hashes, at, type);
      try {
        HashOrder.store(hash(element), hashes, at);
      } catch (NotFingerprintable e) {
        throw e.within(Texts.join("an element of a ", type));
      }
      at += 2;
    }
    putSorted(sink.putByte(tag), hashes, at, 2, type);
  }

  private void writeMap(Map<?, ?> map, String type, PrimitiveSink sink)
      throws NotFingerprintable {
    long[] hashes = new long[4 * map.size()];
    int at = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      checkRoom(hashes, at, type);
      try {
        HashOrder.store(hash(entry.getKey()), hashes, at);
      } catch (NotFingerprintable e) {
        throw e.within(Texts.join("a key of a ", type));
      }
      try {
        HashOrder.store(hash(entry.getValue()), hashes, at + 2);
      } catch (NotFingerprintable e) {
        throw e.within(Texts.join("a value of a ", type));
      }
      at += 4;
    }
    putSorted(sink.putByte(MAP), hashes, at, 4, type);
  }

  private void writeParts(byte tag, String kind, ValueShapes.Shape shape, Object value,
      PrimitiveSink sink) throws NotFingerprintable {
    String problem = shape.problem();
    if (problem != null) {
      throw new NotFingerprintable(problem);
    }
    String type = value.getClass().getName();
    sink.putByte(tag);
    Scalars.putText(sink, type);
    sink.putInt(shape.parts().size());
    for (ValueShapes.Part part : shape.parts()) {
      Object partValue;
      try {
        partValue = part.getter().get(value);
      } catch (Exception e) {
        Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
        throw new NotFingerprintable(
            Texts.join("reading ", kind, " '", part.name(), "' of ", type, " threw ", cause));
      }
      if (tag == BEAN) {
        Scalars.putText(sink, part.name());
      }
      try {
        write(partValue, sink);
      } catch (NotFingerprintable e) {
        throw e.within(Texts.join(kind, " '", part.name(), "' of ", type));
      }
    }
  }

  private HashCode hash(@Nullable Object value) throws NotFingerprintable {
    Hasher hasher = Hashing.murmur3_128().newHasher();
    write(value, hasher);
    return hasher.hash();
  }

  private static void checkRoom(long[] hashes, int at, String type) throws NotFingerprintable {
    if (at >= hashes.length) {
      throw new NotFingerprintable(Texts.join("a ", type, " grew while it was fingerprinted"));
    }
  }

  private static void putSorted(PrimitiveSink sink, long[] hashes, int filled, int width,
      String type) throws NotFingerprintable {
    if (filled != hashes.length) {
      throw new NotFingerprintable(Texts.join("a ", type, " shrank while it was fingerprinted"));
    }
    HashOrder.sort(hashes, width);
    sink.putInt(hashes.length / width);
    for (long h : hashes) {
      sink.putLong(h);
    }
  }

  private static Path toPath(File file) throws NotFingerprintable {
    try {
      return file.toPath();
    } catch (InvalidPathException e) {
      throw new NotFingerprintable(
          Texts.join("the file ", file, " is not a valid path (", e.getReason(), ")"));
    }
  }
}
