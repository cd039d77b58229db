package dev.weft.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.collect.ImmutableList;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.weft.processor.WeftProcessor;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Test sources in package {@code test} and their compilation with Weft's processor.
 *
 * <p>Every source starts with the same four lines, so that the tests show only the class at
 * stake:
 *
 * <pre>
 * package test;
 * import dev.weft.*;
 * import java.util.*;
 * (blank)
 * </pre>
 *
 * <p>A test that needs more imports lists them as the first lines of the class's body.
 */
final class Sources {
  private Sources() {}

  /** The source of class {@code test.<simpleName>}, after the common header. */
  static JavaFileObject source(String simpleName, String... lines) {
    String[] all =
        Stream.concat(
                Stream.of("package test;", "import dev.weft.*;", "import java.util.*;", ""),
                Stream.of(lines))
            .toArray(String[]::new);
    return JavaFileObjects.forSourceLines("test." + simpleName, all);
  }

  /** Compiles {@code sources} with {@link WeftProcessor}. */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new WeftProcessor()).compile(sources);
  }

  /** The messages of every diagnostic of {@code kind}. */
  static ImmutableList<String> messages(Compilation compilation, Diagnostic.Kind kind) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(ImmutableList.toImmutableList());
  }

  /** Asserts that no diagnostic of the compilation comes from Weft. */
  static void assertNoWeftDiagnostic(Compilation compilation) {
    for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
      assertWithMessage("diagnostic from Weft: %s", d)
          .that(d.getMessage(Locale.ROOT))
          .doesNotContain("[weft/");
    }
  }
}
