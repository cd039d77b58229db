package dev.weft.engine.values;

import com.google.common.reflect.TypeToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Calls a user's {@link Codec}, turning whatever goes wrong into a {@link CodecException}. */
final class CustomCodecs {

  private CustomCodecs() {}

  static byte[] encode(Codec<?> codec, @Nullable Object value, TypeToken<?> type) {
    if (value == null) {
      throw new CodecException(type, "cannot encode a null value of type " + type
          + ": its custom codec " + codec + " is never given null", null);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      erase(codec).encode(value, out);
    } catch (IOException | RuntimeException e) {
      throw new CodecException(type, "the custom codec " + codec + " for " + type
          + " failed to encode a " + value.getClass().getName() + ": " + e, e);
    }
    return out.toByteArray();
  }

  static Object decode(Codec<?> codec, byte[] bytes, TypeToken<?> type) {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      return codec.decode(in);
    } catch (IOException | RuntimeException e) {
      throw new CodecException(type, "the custom codec " + codec + " for " + type
          + " failed to decode " + bytes.length + " bytes: " + e, e);
    }
  }

  // The builder files each codec under the type it was declared for, and Codecs.encode checks
  // that the value is an instance of that type's raw class before it gets here; a generic type's
  // arguments cannot be checked at run time.
  @SuppressWarnings("unchecked")
  private static Codec<Object> erase(Codec<?> codec) {
    return (Codec<Object>) codec;
  }
}
