package dev.weft.processor.base;

import com.google.common.base.Throwables;
import com.google.errorprone.annotations.FormatMethod;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * The one funnel for the processor's messages. Every message starts with its {@link Diagnostic}'s
 * id in brackets, then states the rule that is broken and the fix.
 *
 * <p>It counts errors so that a stage can tell whether the class it works on is still sound
 * enough for the next stage. Add a compile-testing test for every new call site.
 */
public final class ErrorReporter {
  private final Messager messager;
  private int errorCount;

  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error at {@code location}; the message is formatted with {@link String#format}. */
  @FormatMethod
  public void error(Diagnostic diagnostic, Location location, String format, Object... args) {
    errorCount++;
    print(Kind.ERROR, diagnostic, location, String.format(format, args));
  }

  /**
   * Reports an error at a syntax tree, for the few places annotation processing shows no element
   * for (classes declared inside method bodies).
   */
  @FormatMethod
  public void error(
      Diagnostic diagnostic, Trees trees, TreePath path, String format, Object... args) {
    errorCount++;
    trees.printMessage(
        Kind.ERROR,
        "[" + diagnostic.id() + "] " + String.format(format, args),
        path.getLeaf(),
        path.getCompilationUnit());
  }

  /** Reports a warning at {@code location}; the message is formatted with {@link String#format}. */
  @FormatMethod
  public void warning(Diagnostic diagnostic, Location location, String format, Object... args) {
    print(Kind.WARNING, diagnostic, location, String.format(format, args));
  }

  /**
   * Reports that the processor failed on {@code element}, with the stack trace, instead of letting
   * the exception reach javac.
   */
  public void internalError(Element element, Throwable failure) {
    errorCount++;
    print(
        Kind.ERROR,
        Diagnostic.INTERNAL,
        Location.of(element),
        "Weft's processor failed on this class; this is a bug in Weft, please report it with the"
            + " class that triggers it. "
            + Throwables.getStackTraceAsString(failure));
  }

  /** The number of errors reported so far, to compare before and after a stage. */
  public int errorCount() {
    return errorCount;
  }

  private void print(Kind kind, Diagnostic diagnostic, Location location, String message) {
    String text = "[" + diagnostic.id() + "] " + message;
    if (location.value().isPresent()) {
      messager.printMessage(
          kind,
          text,
          location.element(),
          location.annotation().orElseThrow(),
          location.value().get());
    } else if (location.annotation().isPresent()) {
      messager.printMessage(kind, text, location.element(), location.annotation().get());
    } else {
      messager.printMessage(kind, text, location.element());
    }
  }
}
