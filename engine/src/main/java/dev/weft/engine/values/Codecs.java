package dev.weft.engine.values;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import com.google.common.reflect.TypeToken;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns task values into the bytes of the disk tier and back, using the exact generic type of the
 * task's key, and digests those bytes.
 *
 * <p>A value is encoded by the {@link Codec} registered for its exact type, else by the one
 * registered for its raw class, else as JSON by Jackson, reading it back with
 * {@code getTypeFactory().constructType(type.getType())}. Jackson's output is deterministic
 * (properties sorted by name, map entries by key, set elements by their encoding), so equal
 * values give equal bytes and equal {@linkplain #digest digests}. It never contains type
 * information, and type information in the input is never honoured (see {@link CodecMapper}).
 * {@code Path}, the {@code java.time} values and {@code Optional} are handled without Jackson's
 * extra modules (see {@link JdkTypesModule}).
 *
 * <p>A value that cannot be encoded throws {@link CodecException}, naming the type and why: a
 * stream, reader, iterator or future; a type with an unresolved type variable; what Jackson
 * cannot write. So does a value that does not come back as it went in: the first value of each
 * type that is not empty is decoded again and must equal the original, or else be of the same
 * class (any collection or map for one) and encode to the same bytes. That catches an interface
 * or abstract type Jackson cannot create, and a subclass written as its declared class. It cannot
 * catch what Jackson silently drops (an {@code @JsonIgnore}d field, a private field without a
 * getter) nor a later value that differs in kind from the first; decoding such a value throws
 * {@link CodecException} too. Custom codecs are trusted and not checked.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Codecs {

  private final ObjectMapper mapper = CodecMapper.create();
  private final ImmutableMap<TypeToken<?>, Codec<?>> byType;
  private final ImmutableMap<Class<?>, Codec<?>> byClass;
  /**
   * Types whose values Jackson was seen to read back as written. Shared by every instance: the
   * check concerns Jackson's configuration, the same in all, and costs a decoding of the first
   * value of each type.
   */
  private static final Set<TypeToken<?>> verified = ConcurrentHashMap.newKeySet();
  /** Jackson's resolved type per task type: resolving it costs more than encoding a small value. */
  private final Map<TypeToken<?>, JavaType> javaTypes = new ConcurrentHashMap<>();

  private Codecs(Builder builder) {
    this.byType = ImmutableMap.copyOf(builder.byType);
    this.byClass = ImmutableMap.copyOf(builder.byClass);
  }

  /** Returns codecs with no custom codec: every value goes through Jackson. */
  public static Codecs create() {
    return builder().build();
  }

  /** Returns a builder to register custom codecs on. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the bytes of {@code value}, whose type is {@code type}.
   *
   * @throws CodecException if the value cannot be encoded, or would not be decoded as it was
   */
  public byte[] encode(@Nullable Object value, TypeToken<?> type) {
    requireNonNull(type, "type");
    if (value != null && !type.getRawType().isInstance(value)) {
      throw new CodecException(type, "cannot encode a " + value.getClass().getName()
          + " as a value of type " + type + ": it is not one", null);
    }
    Codec<?> custom = custom(type);
    if (custom != null) {
      return CustomCodecs.encode(custom, value, type);
    }
    String problem = TypeChecks.problem(type.getType());
    if (problem == null && value != null) {
      problem = TypeChecks.notData(value.getClass());
    }
    if (problem != null) {
      throw new CodecException(type, "cannot encode a value of type " + type + ": " + problem,
          null);
    }
    JavaType javaType = javaType(type);
    byte[] bytes = write(value, javaType, type);
    if (value != null && !verified.contains(type)) {
      verify(value, bytes, javaType, type);
      if (!isEmpty(value)) { // an empty List<Shape> proves nothing about reading a Shape
        verified.add(type);
      }
    }
    return bytes;
  }

  /**
   * Returns the value of type {@code type} that {@code bytes} encode.
   *
   * @throws CodecException if the bytes are not the encoding of a value of that type
   */
  public @Nullable Object decode(byte[] bytes, TypeToken<?> type) {
    requireNonNull(bytes, "bytes");
    requireNonNull(type, "type");
    Codec<?> custom = custom(type);
    if (custom != null) {
      return CustomCodecs.decode(custom, bytes, type);
    }
    String problem = TypeChecks.problem(type.getType());
    if (problem != null) {
      throw new CodecException(type, "cannot decode a value of type " + type + ": " + problem,
          null);
    }
    return read(bytes, javaType(type), type);
  }

  /** Returns the digest of encoded bytes: their 128-bit murmur3 hash. */
  public static HashCode digest(byte[] encoded) {
    return Hashing.murmur3_128().hashBytes(encoded);
  }

  private JavaType javaType(TypeToken<?> type) {
    JavaType known = javaTypes.get(type);
    if (known == null) {
      known = mapper.getTypeFactory().constructType(type.getType());
      javaTypes.put(type, known); // a race resolves it twice, to equal types
    }
    return known;
  }

  private @Nullable Codec<?> custom(TypeToken<?> type) {
    Codec<?> codec = byType.get(type);
    return codec != null ? codec : byClass.get(type.getRawType());
  }

  private byte[] write(@Nullable Object value, JavaType javaType, TypeToken<?> type) {
    try {
      return mapper.writerFor(javaType).writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new CodecException(type, "cannot encode a value of type " + type + ": "
          + describe(e), e);
    }
  }

  private @Nullable Object read(byte[] bytes, JavaType javaType, TypeToken<?> type) {
    try {
      return mapper.readerFor(javaType).readValue(bytes);
    } catch (IOException e) {
      throw new CodecException(type, "cannot decode a value of type " + type + ": "
          + describe(e), e);
    }
  }

  private void verify(Object value, byte[] bytes, JavaType javaType, TypeToken<?> type) {
    Object back;
    try {
      back = mapper.readerFor(javaType).readValue(bytes);
    } catch (IOException e) {
      throw new CodecException(type, "cannot encode a value of type " + type + ": it could not "
          + "be read back (" + describe(e) + "); declare a concrete type Jackson can create, or "
          + "register a Codec for it", e);
    }
    boolean equal;
    try {
      equal = value.equals(back);
    } catch (RuntimeException e) {
      throw new CodecException(type, "cannot encode a value of type " + type + ": the equals "
          + "method of " + value.getClass().getName() + " threw " + e, e);
    }
    if (equal) {
      return;
    }
    boolean sameKind = back != null && (back.getClass() == value.getClass()
        || (value instanceof Collection && back instanceof Collection)
        || (value instanceof Map && back instanceof Map));
    if (!sameKind || !Arrays.equals(write(back, javaType, type), bytes)) {
      String readBack = back == null ? "null"
          : sameKind ? "a different value" : "a " + back.getClass().getName();
      throw new CodecException(type, "cannot encode a value of type " + type + ": a "
          + value.getClass().getName() + " is read back as " + readBack
          + "; declare the value's exact type, or register a Codec for it", null);
    }
  }

  private static boolean isEmpty(Object value) {
    return (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || (value instanceof Optional<?> o && o.isEmpty())
        || (value.getClass().isArray() && Array.getLength(value) == 0);
  }

  private static String describe(IOException e) {
    if (e instanceof JsonMappingException m) {
      String path = m.getPathReference();
      return m.getOriginalMessage() + (path == null || path.isEmpty() ? "" : " (at " + path + ")");
    }
    return e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.toString();
  }

  @Override
  public String toString() {
    return "Codecs{custom codecs for " + byType.keySet() + " and classes " + byClass.keySet() + "}";
  }

  /** Collects custom codecs; each type or class takes one. */
  public static final class Builder {
    private final Map<TypeToken<?>, Codec<?>> byType = new LinkedHashMap<>();
    private final Map<Class<?>, Codec<?>> byClass = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Encodes values whose type is exactly {@code type} with {@code codec}, in place of Jackson
     * and of a codec registered for the raw class.
     *
     * @throws IllegalStateException if a codec was already registered for {@code type}
     */
    public <T> Builder register(TypeToken<T> type, Codec<T> codec) {
      requireNonNull(type, "type");
      requireNonNull(codec, () -> "codec for " + type);
      Codec<?> earlier = byType.putIfAbsent(type, codec);
      if (earlier != null) {
        throw new IllegalStateException("a codec for " + type + " was already registered: "
            + earlier);
      }
      return this;
    }

    /**
     * Encodes values whose type has the raw class {@code type} ({@code Foo} for
     * {@code Foo<String>}) with {@code codec}, in place of Jackson, unless a codec is registered
     * for their exact type.
     *
     * @throws IllegalStateException if a codec was already registered for {@code type}
     */
    public <T> Builder register(Class<T> type, Codec<T> codec) {
      requireNonNull(type, "type");
      requireNonNull(codec, () -> "codec for " + type.getName());
      Codec<?> earlier = byClass.putIfAbsent(type, codec);
      if (earlier != null) {
        throw new IllegalStateException("a codec for class " + type.getName()
            + " was already registered: " + earlier);
      }
      return this;
    }

    /** Returns the codecs. */
    public Codecs build() {
      return new Codecs(this);
    }
  }
}
