package dev.weft.engine.values;

import com.google.common.reflect.TypeToken;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a value cannot be turned into bytes, or bytes back into a value, for the type of a
 * task: the message names the type and says why. When encoding, the engine keeps the value in
 * memory only, with one warning naming the task; when decoding, it treats the stored entry as a
 * miss.
 */
public final class CodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final TypeToken<?> type;

  CodecException(TypeToken<?> type, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.type = type;
  }

  /** Returns the type whose value could not be encoded or decoded. */
  public TypeToken<?> type() {
    return type;
  }
}
