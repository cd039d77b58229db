package dev.weft.engine.values;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.type.CollectionType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;

/**
 * Writes a set's elements sorted by their own encodings, so that equal sets give equal bytes
 * whatever their insertion history: a {@code HashSet}'s iteration order depends on its capacity
 * and on the order elements arrived, and Jackson has no feature like
 * {@code ORDER_MAP_ENTRIES_BY_KEYS} for sets.
 *
 * <p>The elements are encoded into one buffer and held until they are sorted, so a set costs its
 * encoded size in memory once more while it is written. Sorted sets and {@code EnumSet}s already
 * iterate in an order that depends only on their content and are left to Jackson.
 */
final class CanonicalSetSerializer extends JsonSerializer<Object> {

  private static final JsonFactory ELEMENTS = new JsonFactory();
  private static final SerializedString NO_SEPARATOR = new SerializedString("");

  @Override
  public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    Collection<?> set = (Collection<?>) value;
    // All elements go through one generator, as consecutive root values with nothing between
    // them; ends[i] is where element i stops.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] ends = new int[set.size()];
    int count = 0;
    try (JsonGenerator elements = ELEMENTS.createGenerator(out)) {
      elements.setCodec(gen.getCodec());
      elements.setRootValueSeparator(NO_SEPARATOR);
      for (Object element : set) {
        if (element == null) {
          provider.defaultSerializeNull(elements);
        } else {
          provider.findValueSerializer(element.getClass()).serialize(element, elements, provider);
        }
        elements.flush();
        if (count == ends.length) {
          throw JsonMappingException.from(gen,
              Texts.join("a ", value.getClass().getName(), " grew while it was written"));
        }
        ends[count++] = out.size();
      }
    }
    byte[] bytes = out.toByteArray();
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, new ByEncoding(bytes, ends));
    gen.writeStartArray(value, count);
    for (int i : order) {
      gen.writeRawValue(new String(bytes, start(ends, i), ends[i] - start(ends, i), UTF_8));
    }
    gen.writeEndArray();
  }

  private static int start(int[] ends, int element) {
    return element == 0 ? 0 : ends[element - 1];
  }

  /**
   * Orders elements by their encodings. A class, not a lambda: sets may be written deep in a
   * stack, where linking a lambda can fail for good (see {@link Texts}).
   */
  private static final class ByEncoding implements Comparator<Integer> {
    private final byte[] bytes;
    private final int[] ends;

    ByEncoding(byte[] bytes, int[] ends) {
      this.bytes = bytes;
      this.ends = ends;
    }

    @Override
    public int compare(Integer a, Integer b) {
      return Arrays.compareUnsigned(
          bytes, start(ends, a), ends[a], bytes, start(ends, b), ends[b]);
    }
  }

  /** Puts a {@link CanonicalSetSerializer} in place of Jackson's for every unordered set. */
  static final class Modifier extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config,
        CollectionType type, BeanDescription description, JsonSerializer<?> serializer) {
      Class<?> raw = type.getRawClass();
      boolean unordered = Set.class.isAssignableFrom(raw)
          && !SortedSet.class.isAssignableFrom(raw)
          && !EnumSet.class.isAssignableFrom(raw);
      return unordered ? new CanonicalSetSerializer() : serializer;
    }
  }
}
