package dev.weft.engine.values;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.reflect.TypeToken;
import dev.weft.engine.values.Fixtures.Point;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomCodecsTest {

  /** Writes points as "x,y". */
  static final class PointCodec implements Codec<Point> {
    private final String prefix;

    PointCodec(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public void encode(Point value, OutputStream out) throws IOException {
      out.write((prefix + value.x() + "," + value.y()).getBytes(UTF_8));
    }

    @Override
    public Point decode(InputStream in) throws IOException {
      String[] parts = new String(in.readAllBytes(), UTF_8).substring(prefix.length()).split(",");
      return new Point(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    @Override
    public String toString() {
      return "PointCodec(" + prefix + ")";
    }
  }

  /** Writes lists of strings one per line. */
  static final class LinesCodec implements Codec<List<String>> {
    @Override
    public void encode(List<String> value, OutputStream out) throws IOException {
      out.write(String.join("\n", value).getBytes(UTF_8));
    }

    @Override
    public List<String> decode(InputStream in) throws IOException {
      return Arrays.asList(new String(in.readAllBytes(), UTF_8).split("\n"));
    }
  }

  /** Fails every time. */
  static final class BrokenCodec implements Codec<Point> {
    @Override
    public void encode(Point value, OutputStream out) throws IOException {
      throw new IOException("disk full");
    }

    @Override
    public Point decode(InputStream in) throws IOException {
      throw new IOException("unreadable");
    }

    @Override
    public String toString() {
      return "BrokenCodec";
    }
  }

  record Box<T>(T content) {}

  @Test
  void codecForAnExactType_takesPrecedenceOverJackson() {
    TypeToken<List<String>> lines = new TypeToken<>() {};
    Codecs codecs = Codecs.builder().register(lines, new LinesCodec()).build();

    byte[] bytes = codecs.encode(List.of("a", "b"), lines);

    assertThat(new String(bytes, UTF_8)).isEqualTo("a\nb");
    assertThat(codecs.decode(bytes, lines)).isEqualTo(List.of("a", "b"));
    // Another parameterization of List is not the registered type: Jackson writes it.
    assertThat(new String(codecs.encode(List.of(1), new TypeToken<List<Integer>>() {}), UTF_8))
        .isEqualTo("[1]");
  }

  @Test
  void codecForAClass_isTheFallback_andTheExactTypeWins() {
    TypeToken<Box<String>> box = new TypeToken<>() {};
    Codecs byClass = Codecs.builder().register(Point.class, new PointCodec("c:")).build();
    Codecs both = Codecs.builder()
        .register(Point.class, new PointCodec("c:"))
        .register(TypeToken.of(Point.class), new PointCodec("t:"))
        .build();
    Codecs boxes = Codecs.builder().register(boxCodecClass(), boxCodec()).build();

    assertThat(new String(byClass.encode(new Point(1, 2), TypeToken.of(Point.class)), UTF_8))
        .isEqualTo("c:1,2");
    assertThat(new String(both.encode(new Point(1, 2), TypeToken.of(Point.class)), UTF_8))
        .isEqualTo("t:1,2");
    assertThat(both.decode("t:3,4".getBytes(UTF_8), TypeToken.of(Point.class)))
        .isEqualTo(new Point(3, 4));
    assertThat(new String(boxes.encode(new Box<>("x"), box), UTF_8)).isEqualTo("box");
  }

  @Test
  void registeringTwice_namesTheEarlierCodec() {
    Codecs.Builder builder = Codecs.builder().register(Point.class, new PointCodec("a"));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> builder.register(Point.class, new PointCodec("b")));

    assertThat(e).hasMessageThat().isEqualTo("a codec for class "
        + "dev.weft.engine.values.Fixtures$Point was already registered: PointCodec(a)");
  }

  @Test
  void failingCodec_throwsCodecException_namingItAndTheType() {
    Codecs codecs = Codecs.builder().register(Point.class, new BrokenCodec()).build();

    CodecException encode = assertThrows(CodecException.class,
        () -> codecs.encode(new Point(1, 2), TypeToken.of(Point.class)));
    CodecException decode = assertThrows(CodecException.class,
        () -> codecs.decode(new byte[3], TypeToken.of(Point.class)));
    CodecException nulls = assertThrows(CodecException.class,
        () -> codecs.encode(null, TypeToken.of(Point.class)));

    assertThat(encode).hasMessageThat().isEqualTo("the custom codec BrokenCodec for "
        + "dev.weft.engine.values.Fixtures$Point failed to encode a "
        + "dev.weft.engine.values.Fixtures$Point: java.io.IOException: disk full");
    assertThat(decode).hasMessageThat().isEqualTo("the custom codec BrokenCodec for "
        + "dev.weft.engine.values.Fixtures$Point failed to decode 3 bytes: "
        + "java.io.IOException: unreadable");
    assertThat(nulls).hasMessageThat().isEqualTo("cannot encode a null value of type "
        + "dev.weft.engine.values.Fixtures$Point: its custom codec BrokenCodec is never given "
        + "null");
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // a raw class stands for every Box<T>
  private static Class<Box<?>> boxCodecClass() {
    return (Class) Box.class;
  }

  private static Codec<Box<?>> boxCodec() {
    return new Codec<>() {
      @Override
      public void encode(Box<?> value, OutputStream out) throws IOException {
        out.write("box".getBytes(UTF_8));
      }

      @Override
      public Box<?> decode(InputStream in) {
        return new Box<>("?");
      }
    };
  }
}
