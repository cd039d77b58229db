package dev.weft.engine.values;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code Optional<T>} written by {@link JdkTypesModule} as {@code []} or {@code [value]},
 * reading the value with the deserializer of the exact content type {@code T}; JSON {@code null}
 * is a {@code null} Optional.
 */
final class OptionalDeserializer extends JsonDeserializer<Object>
    implements ContextualDeserializer {

  private final JavaType contentType;
  private final @Nullable JsonDeserializer<Object> content;

  OptionalDeserializer(JavaType contentType, @Nullable JsonDeserializer<Object> content) {
    this.contentType = contentType;
    this.content = content;
  }

  @Override
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt,
      @Nullable BeanProperty property) throws JsonMappingException {
    return new OptionalDeserializer(
        contentType, ctxt.findContextualValueDeserializer(contentType, property));
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.isExpectedStartArrayToken()) {
      return ctxt.reportInputMismatch(this, "expected an array of at most one element for an "
          + "Optional<%s>, found %s", contentType, p.currentToken());
    }
    if (p.nextToken() == JsonToken.END_ARRAY) {
      return Optional.empty();
    }
    JsonDeserializer<Object> reader =
        content != null ? content : ctxt.findRootValueDeserializer(contentType);
    Object value = p.hasToken(JsonToken.VALUE_NULL)
        ? reader.getNullValue(ctxt) : reader.deserialize(p, ctxt);
    if (value == null) {
      return ctxt.reportInputMismatch(this, "an Optional<%s> cannot hold null", contentType);
    }
    if (p.nextToken() != JsonToken.END_ARRAY) {
      return ctxt.reportInputMismatch(this, "an Optional<%s> holds at most one value",
          contentType);
    }
    return Optional.of(value);
  }

  @Override
  public Class<?> handledType() {
    return Optional.class;
  }
}
