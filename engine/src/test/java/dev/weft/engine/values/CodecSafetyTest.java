package dev.weft.engine.values;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.google.common.reflect.TypeToken;
import dev.weft.engine.values.Fixtures.Config;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodecSafetyTest {

  private final Codecs codecs = Codecs.create();

  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
  interface Shape {}

  record Circle(double radius) implements Shape {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)
  @JsonSubTypes(@JsonSubTypes.Type(value = Square.class, name = "square"))
  abstract static class Polygon {
    public int sides;
  }

  static final class Square extends Polygon {
    public double side;
  }

  record Holder(Object payload) {}

  static class Animal {
    public String name = "";
  }

  static final class Dog extends Animal {
    public String breed = "";
  }

  @Test
  void encode_writesNoTypeInformation_evenWhenAClassAsksForIt() {
    Square square = new Square();
    square.sides = 4;

    assertThat(text(codecs.encode(new Circle(1), TypeToken.of(Circle.class))))
        .isEqualTo("{\"radius\":1.0}");
    assertThat(text(codecs.encode(square, TypeToken.of(Square.class))))
        .isEqualTo("{\"side\":0.0,\"sides\":4}");
  }

  @Test
  void decode_ofAClassNamedInTheFile_doesNotCreateThatClass() {
    String circle = "{\"@class\":\"" + Circle.class.getName() + "\",\"radius\":1.0}";

    CodecException e = assertThrows(CodecException.class,
        () -> codecs.decode(circle.getBytes(UTF_8), TypeToken.of(Shape.class)));

    assertThat(e).hasMessageThat().startsWith("cannot decode a value of type "
        + "dev.weft.engine.values.CodecSafetyTest$Shape: Cannot construct instance of");
    assertThat(e.type()).isEqualTo(TypeToken.of(Shape.class));
  }

  @Test
  void decode_ofAClassNamedInsideAnObjectField_readsPlainData() {
    String file = "{\"payload\":{\"@class\":\"" + Circle.class.getName() + "\",\"radius\":1.0}}";

    Holder holder = (Holder) codecs.decode(file.getBytes(UTF_8), TypeToken.of(Holder.class));

    assertThat(holder.payload()).isInstanceOf(Map.class);
    assertThat(holder.payload())
        .isEqualTo(Map.of("@class", Circle.class.getName(), "radius", 1.0));
  }

  @Test
  void decode_ofTypeIdsInArraysOrProperties_isRejectedOrReadAsData() {
    String named = "{\"@type\":\"square\",\"side\":2.0,\"sides\":4}";
    String wrapped = "[\"java.util.Date\",0]";

    assertThrows(CodecException.class,
        () -> codecs.decode(named.getBytes(UTF_8), TypeToken.of(Polygon.class)));
    assertThrows(CodecException.class,
        () -> codecs.decode(named.getBytes(UTF_8), TypeToken.of(Square.class)));
    assertThat(codecs.decode(wrapped.getBytes(UTF_8), new TypeToken<List<Object>>() {}))
        .isEqualTo(List.of("java.util.Date", 0));
    assertThrows(CodecException.class, () -> codecs.decode(
        ("{\"@class\":\"java.util.TreeMap\",\"name\":\"x\"}").getBytes(UTF_8),
        TypeToken.of(Config.class)));
  }

  @Test
  void stream_cannotBeEncoded() {
    TypeToken<Stream<String>> type = new TypeToken<>() {};

    CodecException e = assertThrows(CodecException.class,
        () -> codecs.encode(Stream.of("a"), type));

    assertThat(e).hasMessageThat().isEqualTo("cannot encode a value of type "
        + "java.util.stream.Stream<java.lang.String>: a java.util.stream.Stream is a resource or "
        + "a computation, not data; return the data it yields instead (collect a Stream into a "
        + "List)");
    assertThat(e.type()).isEqualTo(type);
  }

  @Test
  void interfaceType_thatCannotBeReadBack_cannotBeEncoded() {
    CodecException e = assertThrows(CodecException.class,
        () -> codecs.encode(new Circle(1), TypeToken.of(Shape.class)));

    assertThat(e).hasMessageThat().startsWith("cannot encode a value of type "
        + "dev.weft.engine.values.CodecSafetyTest$Shape: it could not be read back (Cannot "
        + "construct instance of `dev.weft.engine.values.CodecSafetyTest$Shape`");
    assertThat(e).hasMessageThat().endsWith("; declare a concrete type Jackson can create, or "
        + "register a Codec for it");
  }

  @Test
  void emptyList_doesNotVouchForItsElementType() {
    TypeToken<List<Shape>> type = new TypeToken<>() {};

    codecs.encode(List.of(), type);

    assertThrows(CodecException.class, () -> codecs.encode(List.of(new Circle(1)), type));
  }

  @Test
  void subclass_encodedAsItsDeclaredClass_cannotBeEncoded() {
    Dog dog = new Dog();
    dog.breed = "collie";

    CodecException e = assertThrows(CodecException.class,
        () -> codecs.encode(dog, TypeToken.of(Animal.class)));

    assertThat(e).hasMessageThat().isEqualTo("cannot encode a value of type "
        + "dev.weft.engine.values.CodecSafetyTest$Animal: a "
        + "dev.weft.engine.values.CodecSafetyTest$Dog is read back as a "
        + "dev.weft.engine.values.CodecSafetyTest$Animal; declare the value's exact type, or "
        + "register a Codec for it");
  }

  @Test
  void objectWithoutProperties_cannotBeEncoded() {
    CodecException e = assertThrows(CodecException.class,
        () -> codecs.encode(new Object(), TypeToken.of(Object.class)));

    assertThat(e).hasMessageThat().startsWith("cannot encode a value of type java.lang.Object: "
        + "No serializer found for class java.lang.Object");
  }

  @Test
  void valueOfAnotherType_cannotBeEncoded() {
    CodecException e = assertThrows(CodecException.class,
        () -> codecs.encode("1", TypeToken.of(Integer.class)));

    assertThat(e).hasMessageThat().isEqualTo(
        "cannot encode a java.lang.String as a value of type java.lang.Integer: it is not one");
  }

  @Test
  void unresolvedTypeVariable_cannotBeEncodedOrDecoded() {
    TypeToken<List<String>> resolved = new TypeToken<>() {};
    TypeToken<?> unresolved = listOf();

    assertThat(codecs.encode(List.of("a"), resolved)).isNotEmpty();
    CodecException e = assertThrows(CodecException.class,
        () -> codecs.encode(List.of("a"), unresolved));
    assertThrows(CodecException.class, () -> codecs.decode("[]".getBytes(UTF_8), unresolved));

    assertThat(e).hasMessageThat().isEqualTo("cannot encode a value of type java.util.List<T>: "
        + "its type variable T is not resolved, and decoding needs the exact type");
  }

  private static <T> TypeToken<List<T>> listOf() {
    return new TypeToken<>() {};
  }

  @Test
  void cycle_cannotBeEncoded() {
    List<Object> list = new ArrayList<>();
    list.add(list);

    assertThrows(CodecException.class,
        () -> codecs.encode(list, new TypeToken<List<Object>>() {}));
    assertThrows(CodecException.class,
        () -> codecs.encode(new Holder(list), TypeToken.of(Holder.class)));
    Set<Object> set = new HashSet<>();
    set.add(new Holder(set));
    assertThrows(CodecException.class,
        () -> codecs.encode(set, new TypeToken<Set<Object>>() {}));
  }

  @Test
  void pathOfAnotherFileSystem_cannotBeEncoded(@TempDir Path dir) throws Exception {
    Path archive = dir.resolve("a.zip");
    try (FileSystem zip = FileSystems.newFileSystem(archive, Map.of("create", "true"))) {
      CodecException e = assertThrows(CodecException.class,
          () -> codecs.encode(zip.getPath("/inside.txt"), TypeToken.of(Path.class)));

      assertThat(e).hasMessageThat().isEqualTo("cannot encode a value of type java.nio.file.Path: "
          + "the path /inside.txt is not on the default file system (jar), so it could not be "
          + "read back");
    }
  }

  @Test
  void corruptBytes_cannotBeDecoded() {
    TypeToken<List<Integer>> type = new TypeToken<>() {};

    assertThrows(CodecException.class, () -> codecs.decode("[1,2".getBytes(UTF_8), type));
    assertThrows(CodecException.class, () -> codecs.decode("[1,2] [3]".getBytes(UTF_8), type));
    assertThrows(CodecException.class, () -> codecs.decode("{\"a\":1}".getBytes(UTF_8), type));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, UTF_8);
  }
}
