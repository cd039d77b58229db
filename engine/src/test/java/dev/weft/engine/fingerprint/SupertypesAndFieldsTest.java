package dev.weft.engine.fingerprint;

import static com.google.common.truth.Truth.assertThat;
import static dev.weft.engine.fingerprint.CodeFingerprintsTest.edit;

import com.google.common.hash.HashCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which code of own classes a call reaches beyond the method it names: superclasses, default
 * methods, overrides in classes the code makes, and the code that gives a read field its value.
 */
class SupertypesAndFieldsTest {

  private static final String DESCRIPTOR = "(I)I";

  @TempDir Path dir;
  private Javac javac;

  @BeforeEach
  void setUp() {
    javac = new Javac(dir);
  }

  @AfterEach
  void tearDown() throws IOException {
    javac.close();
  }

  @Test
  void staticInitializerOfAReadField_isFollowed() {
    String flow = """
        package p;
        import java.util.regex.Pattern;
        public class Flow {
          private static final Pattern WORD = Pattern.compile("[a-z]+");
          public static int task(int n) { return WORD.matcher("ab").matches() ? n : Limits.MAX; }
        }
        """;
    String limits = """
        package p;
        class Limits {
          static final Integer MAX = Integer.valueOf(10);
        }
        """;
    HashCode before = fingerprint(Map.of("p.Flow", flow, "p.Limits", limits));

    assertThat(fingerprint(Map.of("p.Flow", edit(flow, "[a-z]+", "[a-z]*"), "p.Limits", limits)))
        .isNotEqualTo(before);
    assertThat(fingerprint(Map.of("p.Flow", flow, "p.Limits", edit(limits, "(10)", "(11)"))))
        .isNotEqualTo(before);
  }

  @Test
  void methodsOfOwnSuperclassAndDefaultMethodsOfOwnInterface_areFollowed() {
    String flow = """
        package p;
        public class Flow extends Base implements Greeter {
          public static int task(int n) { return new Flow().twice(n) + new Flow().greet(n); }
        }
        """;
    String base = "package p;\nclass Base {\n  int twice(int n) { return 2 * n; }\n}\n";
    String greeter =
        "package p;\ninterface Greeter {\n  default int greet(int n) { return n; }\n}\n";
    HashCode before = fingerprint(Map.of("p.Flow", flow, "p.Base", base, "p.Greeter", greeter));

    assertThat(fingerprint(
            Map.of("p.Flow", flow, "p.Base", edit(base, "2 * n", "3 * n"), "p.Greeter", greeter)))
        .isNotEqualTo(before);
    assertThat(fingerprint(
            Map.of("p.Flow", flow, "p.Base", base, "p.Greeter", edit(greeter, "n; }", "-n; }"))))
        .isNotEqualTo(before);
  }

  @Test
  void overrideInClassConstructedByFollowedCode_isFollowed() {
    String flow = """
        package p;
        public class Flow {
          public static int task(int n) { return Shape.make(n).area(); }
        }
        """;
    String shape = """
        package p;
        class Shape {
          static Shape make(int n) { return n > 0 ? new Square() : new Shape(); }
          int area() { return 0; }
        }
        class Square extends Shape {
          @Override int area() { return 4; }
        }
        """;
    HashCode before = fingerprint(Map.of("p.Flow", flow, "p.Shape", shape));
    HashCode after = fingerprint(Map.of("p.Flow", flow, "p.Shape", edit(shape, "4", "5")));

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void ownObjectHandedToTheJdk_itsMethodsAreFollowed() {
    String flow = """
        package p;
        import java.util.ArrayList;
        import java.util.List;
        public class Flow {
          public static int task(int n) {
            List<String> words = new ArrayList<>(List.of("bb", "a"));
            words.sort(new ByLength());
            return words.get(0).length() + n;
          }
        }
        """;
    String byLength = """
        package p;
        import java.util.Comparator;
        class ByLength implements Comparator<String> {
          @Override
          public int compare(String a, String b) { return Integer.compare(a.length(), b.length()); }
        }
        """;
    HashCode before = fingerprint(Map.of("p.Flow", flow, "p.ByLength", byLength));
    HashCode after = fingerprint(Map.of("p.Flow", flow,
        "p.ByLength", edit(byLength, "(a.length(), b.length())", "(b.length(), a.length())")));

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void overrideInClassOfAnArgument_isNotFollowed_asDocumented() {
    String flow = """
        package p;
        public class Flow {
          public static int task(int n) { return area(new Square()) + n; }
          static int area(Shape shape) { return shape.area(); }
        }
        """;
    String shape = """
        package p;
        class Shape {
          int area() { return 0; }
        }
        class Square extends Shape {
          @Override int area() { return 4; }
        }
        class Circle extends Shape {
          @Override int area() { return 3; }
        }
        """;
    HashCode before = fingerprint(Map.of("p.Flow", flow, "p.Shape", shape));
    HashCode squareChanged = fingerprint(Map.of("p.Flow", flow, "p.Shape", edit(shape, "4", "5")));
    HashCode circleChanged = fingerprint(Map.of("p.Flow", flow, "p.Shape", edit(shape, "3", "6")));

    // Square is made in the code followed: its area() counts. Circle never is: shape.area()
    // reaches Shape.area() only, and a task that is given circles needs a version.
    assertThat(squareChanged).isNotEqualTo(before);
    assertThat(circleChanged).isEqualTo(before);
  }

  @Test
  void instanceFieldInitializerOfAReadField_isFollowed() {
    String flow = """
        package p;
        import java.util.regex.Pattern;
        public class Flow {
          private final Pattern word = Pattern.compile("[a-z]+");
          // An instance task, as the engine calls it: the code never runs Flow's constructor.
          public int task(int n) { return (int) word.matcher("ab cd").results().count() + n; }
        }
        """;

    assertThat(fingerprint(Map.of("p.Flow", edit(flow, "[a-z]+", "[a-z]"))))
        .isNotEqualTo(fingerprint(Map.of("p.Flow", flow)));
  }

  private HashCode fingerprint(Map<String, String> sources) {
    return fingerprint(javac.load(sources));
  }

  private static HashCode fingerprint(ClassLoader loader) {
    try {
      Optional<HashCode> fingerprint =
          CodeFingerprints.of(Class.forName("p.Flow", false, loader), "task", DESCRIPTOR);
      return fingerprint.orElseThrow();
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
