package dev.weft.engine.values;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.base.Utf8;
import com.google.common.hash.PrimitiveSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.UUID;

/**
 * Canonical encodings of the values that hold no other values: strings, boxed primitives, big
 * numbers, enums, {@code java.time} values, UUIDs, URIs and primitive arrays.
 *
 * <p>Every encoding starts with a tag of its own, so {@code 1}, {@code 1L}, {@code 1.0} and
 * {@code "1"} never collide, and every variable-length part is preceded by its length, so that
 * the encodings of a sequence of values can be told apart from one another. A tag, once
 * published, is never renumbered: that would silently change every fingerprint (raise
 * {@code ValueFingerprints.FORMAT} instead).
 */
final class Scalars {

  private static final byte BOOLEAN = 1;
  private static final byte BYTE = 2;
  private static final byte SHORT = 3;
  private static final byte INT = 4;
  private static final byte LONG = 5;
  private static final byte FLOAT = 6;
  private static final byte DOUBLE = 7;
  private static final byte CHAR = 8;
  private static final byte STRING = 9;
  private static final byte STRING_UTF16 = 10;
  private static final byte BIG_INTEGER = 11;
  private static final byte BIG_DECIMAL = 12;
  private static final byte ENUM = 13;
  private static final byte TIME = 14;
  private static final byte UUID_TAG = 15;
  private static final byte URI_TAG = 16;
  private static final byte BYTES = 20;
  private static final byte SHORTS = 21;
  private static final byte INTS = 22;
  private static final byte LONGS = 23;
  private static final byte FLOATS = 24;
  private static final byte DOUBLES = 25;
  private static final byte CHARS = 26;
  private static final byte BOOLEANS = 27;

  /** Strings longer than this go to the hasher in pieces, not as one byte array. */
  private static final int CHUNK = 8192;

  private Scalars() {}

  /** Writes {@code value} and returns true if it is one of the kinds above, else returns false. */
  static boolean write(Object value, PrimitiveSink sink) {
    if (value instanceof String s) {
      putText(sink, s);
    } else if (value instanceof Number n) {
      return writeNumber(n, sink);
    } else if (value instanceof Boolean b) {
      sink.putByte(BOOLEAN).putBoolean(b);
    } else if (value instanceof Character c) {
      sink.putByte(CHAR).putChar(c);
    } else if (value instanceof Enum<?> e) {
      sink.putByte(ENUM); // the declaring class: a constant with a body is a subclass of its own
      putText(sink, e.getDeclaringClass().getName());
      putText(sink, e.name());
    } else if (isTimeValue(value)) {
      sink.putByte(TIME); // the ISO text of each java.time type is exact and round-trips
      putText(sink, value.getClass().getName());
      putText(sink, value.toString());
    } else if (value instanceof UUID u) {
      sink.putByte(UUID_TAG)
          .putLong(u.getMostSignificantBits())
          .putLong(u.getLeastSignificantBits());
    } else if (value instanceof URI u) {
      sink.putByte(URI_TAG);
      putText(sink, u.toString());
    } else {
      return value.getClass().isArray() && writePrimitiveArray(value, sink);
    }
    return true;
  }

  private static boolean writeNumber(Number n, PrimitiveSink sink) {
    if (n instanceof Integer i) {
      sink.putByte(INT).putInt(i);
    } else if (n instanceof Long l) {
      sink.putByte(LONG).putLong(l);
    } else if (n instanceof Double d) { // the bits, so that every NaN is the same NaN
      sink.putByte(DOUBLE).putLong(Double.doubleToLongBits(d));
    } else if (n instanceof Float f) {
      sink.putByte(FLOAT).putInt(Float.floatToIntBits(f));
    } else if (n instanceof Short s) {
      sink.putByte(SHORT).putShort(s);
    } else if (n instanceof Byte b) {
      sink.putByte(BYTE).putByte(b);
    } else if (n instanceof BigInteger b) {
      sink.putByte(BIG_INTEGER);
      putBytes(sink, b.toByteArray());
    } else if (n instanceof BigDecimal b) { // as equals(): 1.0 and 1.00 differ
      sink.putByte(BIG_DECIMAL).putInt(b.scale());
      putBytes(sink, b.unscaledValue().toByteArray());
    } else {
      return false; // AtomicLong, LongAdder, a user's Number: mutable or unknown
    }
    return true;
  }

  private static boolean isTimeValue(Object value) {
    return (value instanceof TemporalAccessor
            || value instanceof TemporalAmount
            || value instanceof ZoneId)
        && value.getClass().getPackageName().equals("java.time");
  }

  private static boolean writePrimitiveArray(Object array, PrimitiveSink sink) {
    if (array instanceof byte[] a) {
      sink.putByte(BYTES);
      putBytes(sink, a);
    } else if (array instanceof int[] a) {
      sink.putByte(INTS).putInt(a.length);
      for (int x : a) {
        sink.putInt(x);
      }
    } else if (array instanceof long[] a) {
      sink.putByte(LONGS).putInt(a.length);
      for (long x : a) {
        sink.putLong(x);
      }
    } else if (array instanceof double[] a) {
      sink.putByte(DOUBLES).putInt(a.length);
      for (double x : a) {
        sink.putLong(Double.doubleToLongBits(x));
      }
    } else if (array instanceof float[] a) {
      sink.putByte(FLOATS).putInt(a.length);
      for (float x : a) {
        sink.putInt(Float.floatToIntBits(x));
      }
    } else if (array instanceof char[] a) {
      sink.putByte(CHARS).putInt(a.length);
      for (char x : a) {
        sink.putChar(x);
      }
    } else if (array instanceof short[] a) {
      sink.putByte(SHORTS).putInt(a.length);
      for (short x : a) {
        sink.putShort(x);
      }
    } else if (array instanceof boolean[] a) {
      sink.putByte(BOOLEANS).putInt(a.length);
      for (boolean x : a) {
        sink.putBoolean(x);
      }
    } else {
      return false; // an array of references: a container, written by CanonicalEncoder
    }
    return true;
  }

  private static void putBytes(PrimitiveSink sink, byte[] bytes) {
    sink.putInt(bytes.length).putBytes(bytes);
  }

  /**
   * Writes a string as UTF-8, preceded by its length in bytes. A string that is not valid
   * UTF-16 (an unpaired surrogate, which UTF-8 would turn into '?') is written as its chars
   * under a tag of its own instead, so that it cannot collide with the string that has '?'.
   */
  static void putText(PrimitiveSink sink, String s) {
    int length;
    try {
      length = Utf8.encodedLength(s);
    } catch (IllegalArgumentException unpairedSurrogate) {
      sink.putByte(STRING_UTF16).putInt(s.length()).putUnencodedChars(s);
      return;
    }
    sink.putByte(STRING).putInt(length);
    if (s.length() <= CHUNK) {
      sink.putString(s, UTF_8);
      return;
    }
    for (int start = 0; start < s.length(); ) {
      int end = Math.min(start + CHUNK, s.length());
      if (Character.isHighSurrogate(s.charAt(end - 1)) && end < s.length()) {
        end--; // keep a surrogate pair in one piece
      }
      sink.putString(s.substring(start, end), UTF_8);
      start = end;
    }
  }
}
