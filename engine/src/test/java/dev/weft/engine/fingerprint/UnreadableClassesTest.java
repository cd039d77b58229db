package dev.weft.engine.fingerprint;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code whose class file cannot be read has no fingerprint: empty, never an exception. */
class UnreadableClassesTest {

  private static final String FLOW = """
      package p;
      public class Flow {
        public static int task(int n) { return Helper.help(n); }
      }
      """;
  private static final String HELPER = """
      package p;
      class Helper {
        static int help(int n) { return n + 1; }
      }
      """;

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
  void classDefinedWithoutAClassFile_hasNoFingerprint() throws Exception {
    ClassLoader loader = generatedLoader(Set.of());

    assertThat(CodeFingerprints.of(Class.forName("p.Flow", false, loader), "task", "(I)I"))
        .isEmpty();
  }

  @Test
  void ownClassReachedWithoutAClassFile_leavesTheTaskWithoutFingerprint() throws Exception {
    // Flow's class file is served, Helper's is not: Helper is own (same loader and code
    // source), so its code would count, and the fingerprint cannot be complete.
    ClassLoader loader = generatedLoader(Set.of("p.Flow"));
    Class<?> flow = Class.forName("p.Flow", false, loader);

    assertThat(CodeFingerprints.of(flow, "task", "(I)I")).isEmpty();
    assertThat(new Fingerprinter().summary(flow)).isPresent(); // Flow's own file was readable
  }

  @Test
  void proxy_hasNoFingerprint() {
    Runnable proxy = (Runnable) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {Runnable.class}, (p, m, args) -> null);

    assertThat(CodeFingerprints.ofFunction(proxy)).isEmpty();
    assertThat(CodeFingerprints.of(proxy.getClass(), "run", "()V")).isEmpty();
  }

  // Defines p.Flow and p.Helper from bytes, as a generator would, serving only `served` as
  // resources.
  private ClassLoader generatedLoader(Set<String> served) throws IOException {
    Path out = javac.compile(Map.of("p.Flow", FLOW, "p.Helper", HELPER));
    Map<String, byte[]> classes = Map.of(
        "p.Flow", Files.readAllBytes(out.resolve("p/Flow.class")),
        "p.Helper", Files.readAllBytes(out.resolve("p/Helper.class")));
    return new ByteLoader(classes, served);
  }

  private static final class ByteLoader extends ClassLoader {
    private final Map<String, byte[]> classes;
    private final Set<String> served;

    ByteLoader(Map<String, byte[]> classes, Set<String> served) {
      super(ClassLoader.getPlatformClassLoader());
      this.classes = classes;
      this.served = served;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public @Nullable InputStream getResourceAsStream(String name) {
      String className = name.replace('/', '.').replaceFirst("\\.class$", "");
      return served.contains(className)
          ? new ByteArrayInputStream(classes.get(className))
          : super.getResourceAsStream(name);
    }
  }
}
