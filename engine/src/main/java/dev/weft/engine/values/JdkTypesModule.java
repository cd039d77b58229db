package dev.weft.engine.values;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Teaches Jackson the JDK types it cannot round-trip without the {@code jsr310} and {@code jdk8}
 * modules, which Weft does not depend on: {@code Path}, the {@code java.time} values and
 * {@code Optional}; and makes sets deterministic ({@link CanonicalSetSerializer}).
 *
 * <p>Paths and {@code java.time} values are written as their text ({@code toString()}, ISO-8601
 * for time) and read back with their own parsers, also as map keys. A path is written as given,
 * relative or absolute (Jackson's own writes a {@code file:} URI, which makes a relative path
 * absolute); only paths of the default file system can be written. {@code Optional} is written as
 * an array of zero or one element, so that {@code Optional<Optional<T>>} and a {@code null}
 * Optional both survive, and is read with the exact type of its content.
 */
final class JdkTypesModule extends Module {

  private static final ImmutableMap<Class<?>, Function<String, ?>> TEXT_TYPES =
      ImmutableMap.<Class<?>, Function<String, ?>>builder()
          .put(Path.class, text -> Path.of(text))
          .put(Instant.class, Instant::parse)
          .put(Duration.class, Duration::parse)
          .put(Period.class, Period::parse)
          .put(LocalDate.class, LocalDate::parse)
          .put(LocalTime.class, LocalTime::parse)
          .put(LocalDateTime.class, LocalDateTime::parse)
          .put(OffsetDateTime.class, OffsetDateTime::parse)
          .put(OffsetTime.class, OffsetTime::parse)
          .put(ZonedDateTime.class, ZonedDateTime::parse)
          .put(Year.class, Year::parse)
          .put(YearMonth.class, YearMonth::parse)
          .put(MonthDay.class, MonthDay::parse)
          .put(ZoneId.class, ZoneId::of)
          .put(ZoneOffset.class, ZoneOffset::of)
          .build();

  @Override
  public String getModuleName() {
    return "weft-jdk-types";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    SimpleSerializers serializers = new SimpleSerializers();
    for (Class<?> type : TEXT_TYPES.keySet()) {
      serializers.addSerializer(type, new TextSerializer());
    }
    serializers.addSerializer(Optional.class, new OptionalSerializer());
    context.addSerializers(serializers);
    context.addDeserializers(new Deserializers.Base() {
      @Override
      public @Nullable JsonDeserializer<?> findBeanDeserializer(
          JavaType type, DeserializationConfig config, BeanDescription description) {
        Class<?> raw = type.getRawClass();
        if (raw == Optional.class) {
          return new OptionalDeserializer(type.containedTypeOrUnknown(0), null);
        }
        Function<String, ?> parse = TEXT_TYPES.get(raw);
        return parse == null ? null : new TextDeserializer(raw, parse);
      }
    });
    context.addKeyDeserializers((type, config, description) -> {
      Function<String, ?> parse = TEXT_TYPES.get(type.getRawClass());
      return parse == null ? null : new TextKeyDeserializer(type.getRawClass(), parse);
    });
    context.addBeanSerializerModifier(new CanonicalSetSerializer.Modifier());
  }

  /** Writes a value as its {@code toString()}. */
  private static final class TextSerializer extends JsonSerializer<Object> {
    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value instanceof Path path && path.getFileSystem() != FileSystems.getDefault()) {
        throw JsonMappingException.from(gen, "the path " + path + " is not on the default file "
            + "system (" + path.getFileSystem().provider().getScheme() + "), so it could not be "
            + "read back");
      }
      gen.writeString(value.toString());
    }
  }

  /** Reads a value from its text. */
  private static final class TextDeserializer extends JsonDeserializer<Object> {
    private final Class<?> type;
    private final Function<String, ?> parse;

    TextDeserializer(Class<?> type, Function<String, ?> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return ctxt.reportInputMismatch(type, "expected the text of a %s, found %s",
            type.getName(), p.currentToken());
      }
      String text = p.getText();
      try {
        return parse.apply(text);
      } catch (RuntimeException e) {
        throw ctxt.weirdStringException(text, type, e.getMessage());
      }
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }

  /** Reads a map key from its text. */
  private static final class TextKeyDeserializer extends KeyDeserializer {
    private final Class<?> type;
    private final Function<String, ?> parse;

    TextKeyDeserializer(Class<?> type, Function<String, ?> parse) {
      this.type = type;
      this.parse = parse;
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      try {
        return parse.apply(key);
      } catch (RuntimeException e) {
        throw ctxt.weirdKeyException(type, key, e.getMessage());
      }
    }
  }

  /** Writes an {@code Optional} as {@code []} or {@code [value]}. */
  private static final class OptionalSerializer extends JsonSerializer<Object> {
    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      Optional<?> optional = (Optional<?>) value;
      gen.writeStartArray();
      if (optional.isPresent()) {
        provider.defaultSerializeValue(optional.get(), gen);
      }
      gen.writeEndArray();
    }
  }
}
