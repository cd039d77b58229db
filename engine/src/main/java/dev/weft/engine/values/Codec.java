package dev.weft.engine.values;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns values of one type into bytes and back, in place of Jackson, for a type registered with
 * {@link Codecs.Builder#register(com.google.common.reflect.TypeToken, Codec)}.
 *
 * <p>The engine relies on two properties it cannot check: {@code decode} returns a value equal to
 * the one encoded, and equal values are encoded to equal bytes (the digest of the bytes decides
 * whether dependents must rerun). A codec is used from several threads at once, and is never
 * given {@code null}.
 *
 * @param <T> the type of the values
 */
public interface Codec<T> {

  /** Writes {@code value} to {@code out}, which the caller closes. */
  void encode(T value, OutputStream out) throws IOException;

  /** Reads a value from {@code in}, which holds exactly what {@link #encode} wrote. */
  T decode(InputStream in) throws IOException;
}
