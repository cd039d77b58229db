package dev.weft.engine;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Task;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Weft.memoize} refuses the classes it cannot subclass, saying why and what to change; and
 * without access to a class's package it subclasses from another class loader what it can.
 */
@Timeout(60)
class MemoizeRefusalTest {

  /** Public, with public tasks: what a subclass in another class loader can extend. */
  public static class PublicCounter {
    final AtomicInteger calls = new AtomicInteger();

    /** Counts, then returns {@code n + 1}. */
    @Task
    public int next(int n) {
      calls.incrementAndGet();
      return n + 1;
    }
  }

  @Test
  void memoize_withoutAccessToThePackage_subclassesPublicClassInANewClassLoader() {
    try (Weft weft = Weft.builder().build()) {
      MemoizingClass outside = MemoizingClass.define(PublicCounter.class, null);
      PublicCounter counter = (PublicCounter) outside.newInstance(weft.memo);

      assertThat(counter.next(1)).isEqualTo(2);
      assertThat(counter.next(1)).isEqualTo(2);

      assertThat(counter.calls.get()).isEqualTo(1);
      assertThat(counter.getClass().getClassLoader())
          .isNotSameInstanceAs(PublicCounter.class.getClassLoader());
    }
  }

  @Test
  void memoize_withoutAccessToThePackage_refusesPackagePrivateClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MemoizingClass.define(MemoizeTest.Calculator.class, null));

    assertThat(e).hasMessageThat().isEqualTo("cannot memoize"
        + " dev.weft.engine.MemoizeTest$Calculator: it is not public; Weft cannot define its"
        + " subclass in package dev.weft.engine because the package is not open to it, so make"
        + " the class public or open its package to Weft's module");
  }

  /** A public class with a package-private task. */
  public static class PublicWithPackagePrivateTask {
    @Task
    int hidden(int n) {
      return n;
    }
  }

  @Test
  void memoize_withoutAccessToThePackage_refusesPackagePrivateTaskOfPublicClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MemoizingClass.define(PublicWithPackagePrivateTask.class, null));

    assertThat(e).hasMessageThat().isEqualTo("cannot memoize"
        + " dev.weft.engine.MemoizeRefusalTest$PublicWithPackagePrivateTask: @Task method"
        + " PublicWithPackagePrivateTask.hidden(int) is package-private; Weft cannot define its"
        + " subclass in package dev.weft.engine because the package is not open to it, so make it"
        + " public or protected, or open the package to Weft's module");
  }

  // ---- Classes that cannot be memoized ---------------------------------------------------------

  static final class FinalClass {
    @Task
    int one() {
      return 1;
    }
  }

  sealed static class SealedClass permits SealedChild {
    @Task
    int one() {
      return 1;
    }
  }

  static final class SealedChild extends SealedClass {}

  static class NeedsArgument {
    NeedsArgument(int unused) {}

    @Task
    int one() {
      return 1;
    }
  }

  class Inner {
    @Task
    int one() {
      return 1;
    }
  }

  static class PrivateConstructor {
    private PrivateConstructor() {}

    @Task
    int one() {
      return 1;
    }
  }

  static class ThrowingConstructor {
    static final IllegalStateException FAILURE = new IllegalStateException("no configuration");

    ThrowingConstructor() {
      throw FAILURE;
    }

    @Task
    int one() {
      return 1;
    }
  }

  static class NoTasks {
    int one() {
      return 1;
    }
  }

  static class PrivateTask {
    @Task
    private int one(int n) {
      return n;
    }
  }

  static class FinalTask {
    @Task
    final int one(int n) {
      return n;
    }
  }

  static class StaticTask {
    @Task
    static int one(int n) {
      return n;
    }
  }

  abstract static class AbstractClass {
    @Task
    abstract int one();
  }

  interface AnInterface {
    @Task
    int one();
  }

  /** The message of the {@code IllegalArgumentException} that memoizing {@code type} throws. */
  private static String refusal(Class<?> type) {
    try (Weft weft = Weft.builder().build()) {
      return assertThrows(IllegalArgumentException.class, () -> weft.memoize(type)).getMessage();
    }
  }

  private static final String CANNOT = "cannot memoize dev.weft.engine.MemoizeRefusalTest$";
  private static final String NOT_OVERRIDABLE = ", but memoized methods are overridden by a"
      + " subclass; make it a non-final instance method that is not private";

  @Test
  void memoize_finalClass_isRefused() {
    assertThat(refusal(FinalClass.class)).isEqualTo(CANNOT + "FinalClass: it is final; remove"
        + " 'final' so that Weft can subclass it");
  }

  @Test
  void memoize_sealedClass_isRefused() {
    assertThat(refusal(SealedClass.class)).isEqualTo(CANNOT + "SealedClass: it is sealed; remove"
        + " 'sealed' and 'permits' so that Weft can subclass it");
  }

  @Test
  void memoize_classWithoutNoArgumentConstructor_isRefused() {
    assertThat(refusal(NeedsArgument.class)).isEqualTo(CANNOT + "NeedsArgument: it has no"
        + " no-argument constructor; add one (it may be package-private)");
  }

  @Test
  void memoize_innerClass_isRefused() {
    assertThat(refusal(Inner.class)).isEqualTo(CANNOT + "Inner: it is an inner class, whose"
        + " constructors take the enclosing instance; make it a static nested class with a"
        + " no-argument constructor");
  }

  @Test
  void memoize_privateConstructor_isRefused() {
    assertThat(refusal(PrivateConstructor.class)).isEqualTo(CANNOT + "PrivateConstructor: its"
        + " no-argument constructor is private; make it package-private or public");
  }

  @Test
  void memoize_constructorThatThrows_isWrapped() {
    try (Weft weft = Weft.builder().build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> weft.memoize(ThrowingConstructor.class));

      assertThat(e).hasMessageThat().isEqualTo(CANNOT + "ThrowingConstructor: its no-argument"
          + " constructor threw java.lang.IllegalStateException: no configuration; make it"
          + " succeed");
      assertThat(e).hasCauseThat().isSameInstanceAs(ThrowingConstructor.FAILURE);
    }
  }

  @Test
  void memoize_classWithoutTasks_isRefused() {
    assertThat(refusal(NoTasks.class)).isEqualTo(CANNOT + "NoTasks: it declares no @Task method;"
        + " annotate the methods whose results should be memoized with @dev.weft.Task");
  }

  @Test
  void memoize_privateTask_isRefused() {
    assertThat(refusal(PrivateTask.class)).isEqualTo(CANNOT + "PrivateTask: @Task method"
        + " PrivateTask.one(int) is private" + NOT_OVERRIDABLE);
  }

  @Test
  void memoize_finalTask_isRefused() {
    assertThat(refusal(FinalTask.class)).isEqualTo(CANNOT + "FinalTask: @Task method"
        + " FinalTask.one(int) is final" + NOT_OVERRIDABLE);
  }

  @Test
  void memoize_staticTask_isRefused() {
    assertThat(refusal(StaticTask.class)).isEqualTo(CANNOT + "StaticTask: @Task method"
        + " StaticTask.one(int) is static" + NOT_OVERRIDABLE);
  }

  @Test
  void memoize_abstractClassOrInterface_isRefused() {
    assertThat(refusal(AbstractClass.class)).isEqualTo(CANNOT + "AbstractClass: it is abstract;"
        + " pass a concrete class");
    assertThat(refusal(AnInterface.class)).isEqualTo(CANNOT + "AnInterface: it is an interface;"
        + " pass a class that implements its @Task methods");
  }
}
